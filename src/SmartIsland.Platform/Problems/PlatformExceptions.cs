namespace SmartIsland.Platform.Problems;

/// <summary>
/// Refusals a use case raises; the host turns each into an RFC 7807 problem response (API) or a
/// message under the field (pages). Messages are already localized by the module that raises them.
/// </summary>
public abstract class PlatformException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }
}

/// <summary>400: one or more fields are invalid; nothing was written.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : PlatformException(string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public ValidationFailedException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 400;
}

/// <summary>404: the thing does not exist — or exists in another zone, which must look the same.</summary>
public sealed class NotFoundException(string message) : PlatformException(message)
{
    public override int StatusCode => 404;
}

/// <summary>409: a duplicate, or someone else saved first (optimistic concurrency).</summary>
public sealed class ConflictException(string field, string message) : PlatformException(message)
{
    public string Field { get; } = field;
    public override int StatusCode => 409;
}

/// <summary>403: the role may not do this. <see cref="Rule"/> names the rule that refuses it.</summary>
public sealed class ForbiddenException(string rule, string message) : PlatformException(message)
{
    public string Rule { get; } = rule;
    public override int StatusCode => 403;
}

/// <summary>413: an upload over the limit.</summary>
public sealed class PayloadTooLargeException(string field, string message) : PlatformException(message)
{
    public string Field { get; } = field;
    public override int StatusCode => 413;
}

/// <summary>Collects field errors, then throws them all at once so the user sees every problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    public bool Any => errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}

/// <summary>412: the If-Match version is not the current one (optimistic concurrency on the API).</summary>
public sealed class PreconditionFailedException(string message) : PlatformException(message)
{
    public override int StatusCode => 412;
}
