using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Web;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Register;

/// <summary>
/// The project register and 三个一批 over REST under /api/projects: the same use cases as the pages. A project's reads
/// carry its version as ETag; every write takes it back in If-Match (412 when stale) or as <c>version</c> in the body.
/// </summary>
public static class ProjectsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();

        api.MapGet("/", async (string? search, Guid? parkId, ProjectPhase? phase, ProjectLevel? level, ProjectCategory? category,
                ProjectSort? sort, bool? desc, int? page, int? pageSize, ProjectRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.SearchAsync(new ProjectQuery(search, parkId, phase, level, category, sort ?? ProjectSort.Code, desc ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListProjects").WithSummary("Key projects of the zone (search in name, code and owner; park, phase, level, category; sorted, paged). Enterprise users see their own enterprise's.");

        api.MapGet("/export", async (string? search, Guid? parkId, ProjectPhase? phase, ProjectLevel? level, ProjectCategory? category,
                ProjectSort? sort, bool? desc, ProjectExport export, HttpContext http, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(new ProjectQuery(search, parkId, phase, level, category, sort ?? ProjectSort.Code, desc ?? false), buffer, ct);
                await SendAsync(http, buffer, $"projects-{DateTime.Now:yyyyMMdd-HHmm}.xlsx", ct);
            })
            .WithName("ExportProjects").WithSummary("The filtered list as an .xlsx ledger (重点项目台账).");

        api.MapGet("/people", async (string? search, ProjectRegister register, CancellationToken ct) => TypedResults.Ok(await register.PeopleAsync(search, ct)))
            .WithName("ProjectTeamCandidates").WithSummary("Accounts of the zone that can join a project's team (names and roles; editors only).");

        api.MapGet("/owners", async (string? search, ProjectRegister register, CancellationToken ct) => TypedResults.Ok(await register.OwnersAsync(search, ct)))
            .WithName("ProjectOwnerCandidates").WithSummary("Enterprises of the zone's registry that can own a project (name or credit code contains the text; editors only).");

        api.MapGet("/leaders", async (string? search, ProjectRegister register, CancellationToken ct) => TypedResults.Ok(await register.LeadersAsync(search, ct)))
            .WithName("ProjectLeaderCandidates").WithSummary("Accounts of the zone that may be a project's responsible leader (分包领导): zone leaders and department staff (editors only).");

        api.MapGet("/three-batches", async (int? year, ThreeBatches batches, TimeProvider time, CancellationToken ct) =>
                TypedResults.Ok(await batches.ReportAsync(year ?? time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year, ct)))
            .WithName("ThreeBatches").WithSummary("三个一批 of a year: signed / started / completed-and-in-production counts and investment (万元) by year, quarter and month, started to date, against the year's targets.");

        api.MapGet("/three-batches/export", async (int? year, ThreeBatches batches, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var y = year ?? time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
                using var buffer = new MemoryStream();
                await batches.WriteAsync(y, buffer, ct);
                await SendAsync(http, buffer, $"three-batches-{y}.xlsx", ct);
            })
            .WithName("ExportThreeBatches").WithSummary("三个一批 of a year as .xlsx.");

        api.MapPut("/three-batches/targets/{year:int}", async (int year, TargetInput input, ThreeBatches batches, HttpContext http, CancellationToken ct) =>
            {
                var view = await batches.SaveTargetAsync(year, input, Versions.IfMatch(http), ct);
                Versions.SetETag(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("SaveThreeBatchTargets").WithSummary("Admin sets a year's targets {signed, started, completed, investment (万元), reason}; If-Match (or version) when changing them.");

        api.MapGet("/{code}", async (string code, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.GetAsync(code, ct)))
            .WithName("GetProject").WithSummary("A project with its team, milestones (overdue marked), year plans, monthly investment and phase timeline; ETag = version.");

        api.MapPost("/", async (ProjectInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
            {
                var created = await register.CreateAsync(input, ct);
                Versions.SetETag(http, created.Version);
                return TypedResults.Created($"/api/projects/{created.Code}", created);
            })
            .WithName("CreateProject").WithSummary("Opens a project in phase Signed (code XM{year}-{serial}); park staff for their own park only.");

        api.MapPut("/{code}", async (string code, ProjectInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.UpdateAsync(code, input, Versions.IfMatch(http), ct)))
            .WithName("UpdateProject").WithSummary("Edits a project's facts; If-Match (412 when stale) or version in the body; reason goes to the audit log.");

        api.MapPost("/{code}/advance", async (string code, PhaseAdvance input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.AdvanceAsync(code, input, Versions.IfMatch(http), ct)))
            .WithName("AdvanceProjectPhase").WithSummary("Moves to the next phase {phase, reachedOn}: a day before the previous phase's, or after today, is refused naming startedOn / completedOn / inProductionOn.");

        api.MapPut("/{code}/members", async (string code, MembersInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.SaveMembersAsync(code, input, Versions.IfMatch(http), ct)))
            .WithName("SaveProjectTeam").WithSummary("Replaces the special team (专班): [{userId, role: Lead|Member|SiteContact}], accounts of the zone, one Lead at most.");

        api.MapPut("/{code}/milestones", async (string code, MilestonesInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.SaveMilestonesAsync(code, input, Versions.IfMatch(http), ct)))
            .WithName("SaveProjectMilestones").WithSummary("Replaces the milestones in order [{id?, name, plannedOn, actualOn?}]: planned days in order and on working days of the calendar (400 naming milestones[i].plannedOn).");

        api.MapPut("/{code}/year-plans/{year:int}", async (string code, int year, YearPlanInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.SaveYearPlanAsync(code, year, input, Versions.IfMatch(http), ct)))
            .WithName("SaveProjectYearPlan").WithSummary("Sets a year's planned investment (万元, ≥ 0).");

        api.MapPut("/{code}/investments/{year:int}/{month:int}", async (string code, int year, int month, InvestmentInput input, ProjectRegister register, HttpContext http, CancellationToken ct) =>
                Tagged(http, await register.SaveInvestmentAsync(code, year, month, input, Versions.IfMatch(http), ct)))
            .WithName("SaveProjectInvestment").WithSummary("Sets the investment completed in a month (万元, ≥ 0); one row per month, saved again to correct it.");
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ProjectDetail> Tagged(HttpContext http, ProjectDetail detail)
    {
        Versions.SetETag(http, detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task SendAsync(HttpContext http, MemoryStream buffer, string fileName, CancellationToken ct)
    {
        http.Response.ContentType = Xlsx;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }
}
