using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Calendar.Resources;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Calendar.Api;

/// <summary>Public working-day arithmetic (issue 2 §8): no login, rate-limited per client.</summary>
public static class CalendarApi
{
    public sealed record AddWorkingDaysResponse(DateOnly From, int Days, DateOnly Result);
    public sealed record WorkingDaysResponse(DateOnly From, DateOnly To, int WorkingDays);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar").AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit);

        api.MapGet("/add-working-days", async Task<Ok<AddWorkingDaysResponse>> (string? from, string? days, IWorkingDayCalendarProvider provider, IStringLocalizer<CalendarStrings> l) =>
        {
            var errors = new ValidationErrors();
            var start = ParseDate(from, "from", errors, l);
            if (!int.TryParse(days, out var n) || n < 0 || n > 3650) errors.Add("days", l["DaysInvalid"]);
            errors.ThrowIfAny();
            var calendar = await provider.GetAsync();
            var result = Guard("from", l, () => calendar.AddWorkingDays(start, n));
            return TypedResults.Ok(new AddWorkingDaysResponse(start, n, result));
        }).WithName("AddWorkingDays").WithSummary("The date N working days after `from` (the day of `from` does not count).");

        api.MapGet("/working-days", async Task<Ok<WorkingDaysResponse>> (string? from, string? to, IWorkingDayCalendarProvider provider, IStringLocalizer<CalendarStrings> l) =>
        {
            var errors = new ValidationErrors();
            var start = ParseDate(from, "from", errors, l);
            var end = ParseDate(to, "to", errors, l);
            errors.ThrowIfAny();
            var calendar = await provider.GetAsync();
            var field = calendar.LoadedYears.Contains(start.Year) ? "to" : "from";
            var count = Guard(field, l, () => calendar.WorkingDaysBetween(start, end));
            return TypedResults.Ok(new WorkingDaysResponse(start, end, count));
        }).WithName("WorkingDaysBetween").WithSummary("Working days in (from, to].");

        var admin = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(PlatformPolicies.Admin);
        admin.MapGet("/years/{year:int}", async (int year, CalendarAdministration calendar, CancellationToken ct) =>
            TypedResults.Ok(await calendar.YearAsync(year, ct))).WithName("GetCalendarYear");
        admin.MapPost("/years", async (YearRequest request, CalendarAdministration calendar, CancellationToken ct) =>
        {
            await calendar.AddYearAsync(request.Year, request.Source, ct);
            return TypedResults.Created($"/api/calendar/years/{request.Year}");
        }).WithName("AddCalendarYear").WithSummary("Adds a year once its State Council notice is published.");
        admin.MapPut("/days/{date}", async (string date, DayRequest request, CalendarAdministration calendar, IStringLocalizer<CalendarStrings> l, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var day = ParseDate(date, "date", errors, l);
            errors.ThrowIfAny();
            await calendar.SaveDayAsync(day, request.Kind, request.Name, request.Version, ct);
            return TypedResults.NoContent();
        }).WithName("SaveCalendarDay").WithSummary("Adds a holiday or adjusted workday, or changes one (send the version you read).");
        admin.MapDelete("/days/{date}", async (string date, int version, CalendarAdministration calendar, IStringLocalizer<CalendarStrings> l, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var day = ParseDate(date, "date", errors, l);
            errors.ThrowIfAny();
            await calendar.DeleteDayAsync(day, version, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteCalendarDay");

        return app;
    }

    public sealed record YearRequest(int Year, string? Source);
    public sealed record DayRequest(CalendarDayKind Kind, string? Name, int? Version);

    private static DateOnly ParseDate(string? value, string field, ValidationErrors errors, IStringLocalizer l)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        errors.Add(field, l["DateInvalid"]);
        return default;
    }

    private static T Guard<T>(string field, IStringLocalizer l, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (CalendarYearNotLoadedException e)
        {
            throw new ValidationFailedException(field, l["YearNotLoaded", e.Year]);
        }
    }
}
