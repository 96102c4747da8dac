using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Open311;

/// <summary>What "GET Service Requests" asks for, after parsing (GeoReport v2 plus the page/page_size and extensions extensions).</summary>
internal sealed record RequestQuery(
    IReadOnlyList<string>? Ids, IReadOnlyList<string>? ServiceCodes, DateTimeOffset From, DateTimeOffset To,
    bool? Open, int Page, int PageSize, bool Extensions)
{
    /// <summary>"Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest."</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public const int MaxRows = 1000;
}

/// <summary>
/// The read side of GeoReport v2: services from the zone's public case types, service definitions from
/// their form fields, service requests from cases. Nothing personal is ever read here: no requester
/// name, phone or e-mail, no staff names, no staff reasons.
/// </summary>
internal sealed partial class Open311Reads(
    IDbContextFactory<PlatformDbContext> dbs, CaseService cases, IWorkingDayCalendarProvider calendars,
    IOrganisationDirectory organisation, TimeProvider time, IStringLocalizer<Open311Strings> l)
{
    private static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string Name(string zh, string en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    /// <summary>GET Service List: one service per public case type; its categories are the keywords.</summary>
    public async Task<Open311Document> ServicesAsync(Guid zoneId, CancellationToken ct)
    {
        var types = await cases.PublicTypesAsync(zoneId, ct);
        return new Open311Document("services", new Open311List("service", types.Select(t =>
        {
            var categories = t.Categories.Select(c => Name(c.Name, c.NameEn)).ToList();
            return (object?)new Open311Object
            {
                { "service_code", t.Code },
                { "service_name", Name(t.Name, t.NameEn) },
                { "description", string.Join(English ? ", " : "、", categories) },
                { "metadata", t.Fields.Any(f => f.Variable) },
                { "type", "realtime" },
                { "keywords", string.Join(", ", categories) },
                { "group", t.Kind.ToString() },
            };
        }).ToList()));
    }

    /// <summary>GET Service Definition: the type's form fields, all six datatypes, in their order.</summary>
    public async Task<Open311Document> DefinitionAsync(Guid zoneId, string serviceCode, CancellationToken ct)
    {
        var type = (await cases.PublicTypesAsync(zoneId, ct)).FirstOrDefault(t => t.Code == serviceCode)
                   ?? throw new NotFoundException($"service_code '{serviceCode}' was not found.");
        return new Open311Document("service_definition", new Open311Object
        {
            { "service_code", type.Code },
            { "attributes", new Open311List("attribute", type.Fields.OrderBy(f => f.Order).Select(f => (object?)new Open311Object
            {
                { "variable", f.Variable },
                { "code", f.Code },
                { "datatype", Datatype(f.Type) },
                { "required", f.Required },
                { "datatype_description", DatatypeDescription(f.Type) },
                { "order", f.Order },
                { "description", Name(f.Description, f.DescriptionEn) },
                { "values", f.Type is FormFieldType.SingleValueList or FormFieldType.MultiValueList
                    ? new Open311List("value", (f.Values ?? []).Select(v => (object?)new Open311Object { { "key", v.Key }, { "name", Name(v.Name, v.NameEn) } }).ToList())
                    : null },
            }).ToList()) },
        });
    }

    /// <summary>The spec's datatype names: string, number, datetime, text, singlevaluelist, multivaluelist.</summary>
    internal static string Datatype(FormFieldType type) => type.ToString().ToLowerInvariant();

    private string? DatatypeDescription(FormFieldType type) => type switch
    {
        FormFieldType.String => l["Datatype_String"].Value,
        FormFieldType.Text => l["Datatype_Text"].Value,
        FormFieldType.Number => l["Datatype_Number"].Value,
        FormFieldType.Datetime => l["Datatype_Datetime"].Value,
        _ => null,
    };

    /// <summary>What the service notice says: the deadline the case was given.</summary>
    public string ServiceNotice(DateTimeOffset due) =>
        string.Format(CultureInfo.InvariantCulture, l["ServiceNotice"].Value, due.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>GET Service Requests (and GET Service Request: a list of one), newest first.</summary>
    public async Task<Open311Document> RequestsAsync(Guid zoneId, RequestQuery query, CancellationToken ct)
    {
        var types = (await cases.PublicTypesAsync(zoneId, ct)).ToDictionary(t => t.Id);
        var typeIds = types.Keys.ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        // Public types only. Not hazards an inspector found (internal findings), nor an enterprise's requests to its
        // park (between the enterprise and its chief service officer): neither is a public report.
        var q = db.Set<Case>().AsNoTracking().Where(c => typeIds.Contains(c.CaseTypeId) && c.Source != CaseSource.Inspection && c.EnterpriseId == null);
        if (query.Ids is { } ids)
        {
            q = q.Where(c => ids.Contains(c.TrackingCode)); // the spec: with service_request_id, all other parameters are ignored
        }
        else
        {
            if (query.ServiceCodes is { } codes)
            {
                var wanted = types.Values.Where(t => codes.Contains(t.Code)).Select(t => t.Id).ToList();
                q = q.Where(c => wanted.Contains(c.CaseTypeId));
            }
            q = q.Where(c => c.SubmittedAt >= query.From && c.SubmittedAt <= query.To);
            if (query.Open is true) q = q.Where(c => c.State != CaseState.Closed && c.State != CaseState.Rejected);
            if (query.Open is false) q = q.Where(c => c.State == CaseState.Closed || c.State == CaseState.Rejected);
        }
        var rows = await q.OrderByDescending(c => c.SubmittedAt).ThenBy(c => c.TrackingCode)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new Row(c.Id, c.TrackingCode, c.CaseTypeId, c.State, c.Description, c.Address, c.Latitude, c.Longitude,
                c.SubmittedAt, c.ResolutionDueAt, c.ClosedAt, c.AssignedUnitId))
            .ToListAsync(ct);
        var caseIds = rows.Select(r => r.Id).ToList();
        var events = rows.Count == 0 ? [] : await db.Set<CaseEvent>().AsNoTracking().Where(e => caseIds.Contains(e.CaseId))
            .Select(e => new { e.CaseId, e.At, e.Action, e.ToState }).ToListAsync(ct);
        var pauses = rows.Count == 0 ? [] : await db.Set<CasePause>().AsNoTracking().Where(p => caseIds.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.From, p.To }).ToListAsync(ct);
        var units = rows.Any(r => r.UnitId is not null) ? (await organisation.UnitsAsync(zoneId, ct)).ToDictionary(u => u.Id, u => u.Name) : [];
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var now = time.GetUtcNow();
        var eventsByCase = events.ToLookup(e => e.CaseId);
        var pausesByCase = pauses.ToLookup(p => p.CaseId);

        var items = new List<object?>(rows.Count);
        foreach (var r in rows)
        {
            var type = types[r.TypeId];
            var steps = eventsByCase[r.Id].Where(e => PublicSteps.Contains(e.Action)).OrderBy(e => e.At).ToList();
            var expected = Expected(clock, r, pausesByCase[r.Id].Select(p => new Pause(p.From, p.To)).ToList(), now);
            var (address, addressId) = r.Address?.StartsWith("address_id: ", StringComparison.Ordinal) == true ? (null, r.Address["address_id: ".Length..]) : (r.Address, (string?)null);
            var item = new Open311Object
            {
                { "service_request_id", r.TrackingCode },
                { "status", CaseWorkflow.IsOpen(r.State) ? "open" : "closed" },
                { "status_notes", l["State_" + r.State].Value },
                { "service_name", Name(type.Name, type.NameEn) },
                { "service_code", type.Code },
                { "description", r.Description },
                { "agency_responsible", r.UnitId is { } u ? units.GetValueOrDefault(u) : null },
                { "service_notice", ServiceNotice(expected) },
                { "requested_datetime", r.SubmittedAt },
                { "updated_datetime", steps.Count > 0 ? steps.Max(e => e.At) : r.SubmittedAt },
                { "expected_datetime", expected },
                { "address", address },
                { "address_id", addressId },
                { "zipcode", null },
                { "lat", r.Latitude },
                { "long", r.Longitude },
                { "media_url", null },
            };
            if (query.Extensions)
            {
                // The loop's steps only: when and what, never who or why (staff names and reasons stay inside).
                item.Add("notes", new Open311List("note", steps.Select(e => (object?)new Open311Object
                {
                    { "datetime", e.At },
                    { "type", "status_change" },
                    { "summary", l["Note_" + e.Action].Value },
                    { "status", CaseWorkflow.IsOpen(e.ToState) ? "open" : "closed" },
                }).ToList()));
            }
            items.Add(item);
        }
        return new Open311Document("service_requests", new Open311List("request", items));
    }

    /// <summary>GET service_request_id from a token: our token is the case's id, handed out with the request id.</summary>
    public async Task<Open311Document> TokenAsync(Guid zoneId, string token, CancellationToken ct)
    {
        if (!Guid.TryParse(token, out var id)) throw new NotFoundException($"token '{token}' was not found.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        var code = await db.Set<Case>().AsNoTracking().Where(c => c.Id == id && c.Source == CaseSource.Open311).Select(c => c.TrackingCode).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException($"token '{token}' was not found.");
        return new Open311Document("service_requests", new Open311List("request",
            [new Open311Object { { "service_request_id", code }, { "token", token } }]));
    }

    /// <summary>The deadline as it stands, moved by any pause (waiting for the requester).</summary>
    private static DateTimeOffset Expected(WorkingClock clock, Row r, List<Pause> pauses, DateTimeOffset now)
    {
        if (pauses.Count == 0) return r.Due;
        try
        {
            return DeadlineStatus.At(clock, r.SubmittedAt, r.Due, pauses, r.ClosedAt ?? now).Due;
        }
        catch (CalendarYearNotLoadedException)
        {
            return r.Due; // past the loaded calendar the moved deadline cannot be computed: show the one set at intake
        }
    }

    /// <summary>Timeline steps the public may see (as on the tracking page): the loop's transitions.</summary>
    private static readonly HashSet<string> PublicSteps = [.. Enum.GetNames<CaseAction>(), "Submit", "Rate", "Merge"];

    private sealed record Row(Guid Id, string TrackingCode, Guid TypeId, CaseState State, string Description, string? Address, double? Latitude, double? Longitude,
        DateTimeOffset SubmittedAt, DateTimeOffset Due, DateTimeOffset? ClosedAt, Guid? UnitId);

    /// <summary>Parses the query of GET Service Requests; a bad value is a 400 naming the parameter.</summary>
    public RequestQuery ParseQuery(Func<string, string?> get)
    {
        var errors = new ValidationErrors();
        var ids = List(get("service_request_id"))?.Select(i => i.ToUpperInvariant()).ToList();
        if (ids?.Count > RequestQuery.MaxRows) errors.Add("service_request_id", $"At most {RequestQuery.MaxRows} ids.");
        var start = Date(get("start_date"), "start_date", endOfDay: false, errors);
        var end = Date(get("end_date"), "end_date", endOfDay: true, errors);
        var now = time.GetUtcNow();
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + RequestQuery.Window),
            (null, { } e) => (e - RequestQuery.Window, e),
            _ => (now - RequestQuery.Window, now),
        };
        if (start is not null && end is not null && to < from) errors.Add("end_date", "end_date is before start_date.");
        else if (to - from > RequestQuery.Window) errors.Add("end_date", "start_date to end_date may not span more than 90 days.");
        bool? open = null;
        if (List(get("status")) is { } statuses)
        {
            if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add("status", "status is open, closed or both (comma-separated).");
            else if (statuses.Distinct().Count() == 1) open = statuses[0] == "open";
        }
        var page = Int(get("page"), "page", 1, 1, 100_000, errors);
        var pageSize = Int(get("page_size"), "page_size", RequestQuery.MaxRows, 1, RequestQuery.MaxRows, errors);
        var extensions = get("extensions") is { } x && (x == "true" || x == "1");
        errors.ThrowIfAny();
        return new RequestQuery(ids, List(get("service_code")), from.ToUniversalTime(), to.ToUniversalTime(), open, page, pageSize, extensions);
    }

    private static List<string>? List(string? value)
    {
        var items = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return items is { Count: > 0 } ? items : null;
    }

    private static int Int(string? value, string name, int fallback, int min, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(name, $"{name} is a whole number from {min} to {max}.");
        return fallback;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex W3cDate();

    /// <summary>
    /// A W3C date-time with its timezone (spec: "Must use w3 format, eg 2010-01-01T00:00:00Z"); a bare date
    /// is a day in the zone (+08:00), taken from its start or, for end_date, to its end.
    /// </summary>
    private static DateTimeOffset? Date(string? value, string name, bool endOfDay, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (W3cDate().IsMatch(text))
        {
            if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WorkingClock.ChinaOffset);
                return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        }
        errors.Add(name, $"'{text}' is not a W3C date-time with a timezone, e.g. 2026-11-25T10:00:00+08:00.");
        return null;
    }
}
