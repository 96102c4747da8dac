using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Host.Hosting;

/// <summary>
/// Turns every refusal into an RFC 7807 problem response that names the field (errors / field) and,
/// for 403, the rule. Unexpected failures become a 500 without internals.
/// </summary>
internal sealed class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationFailedException v:
                problem = new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = 400, Title = v.Message };
                break;
            case ConflictException c:
                problem = Problem(409, c.Message);
                problem.Extensions["field"] = c.Field;
                break;
            case PayloadTooLargeException p:
                problem = Problem(413, p.Message);
                problem.Extensions["field"] = p.Field;
                break;
            case ForbiddenException f:
                problem = Problem(403, f.Message);
                problem.Extensions["rule"] = f.Rule;
                break;
            case PlatformException pe:
                problem = Problem(pe.StatusCode, pe.Message);
                break;
            case BadHttpRequestException bad:
                problem = Problem(bad.StatusCode, bad.Message);
                break;
            default:
                log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
                problem = Problem(500, "An unexpected error occurred.");
                break;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };
}
