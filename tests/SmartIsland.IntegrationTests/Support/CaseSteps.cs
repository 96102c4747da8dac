using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Platform.Data;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>Case steps over HTTP shared by the scheduler tests; times are local (+08:00).</summary>
public static class CaseSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static DateTimeOffset At(string local) =>
        new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    public static async Task<CaseView> ReadAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CaseView>(Json, Ct))!;
    }

    public static async Task<CaseView> SubmitAsync(HttpClient client, CasePriority priority, string typeCode = "request", string category = "street-light",
        string description = "路灯不亮，遵化店镇蒲楼村村口", string? name = null, string phone = "13800000000") =>
        await ReadAsync(await client.PostAsJsonAsync("/api/cases", new CaseSubmission
        {
            TypeCode = typeCode, Category = category, Priority = priority, Description = description, Address = "遵化店镇蒲楼村村口",
            RequesterName = name, RequesterPhone = phone,
        }, Json, Ct));

    public static async Task<CaseView> ActAsync(HttpClient client, Guid id, CaseAction action, CaseActionRequest? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/cases/{id}/actions/{action}", body ?? new CaseActionRequest(), Json, Ct));

    public static async Task<CaseView> GetAsync(HttpClient client, Guid id) => await ReadAsync(await client.GetAsync($"/api/cases/{id}", Ct));

    /// <summary>My notifications about one case (the list holds every case's).</summary>
    public static async Task<List<NotificationView>> NotificationsAsync(HttpClient client, Guid caseId)
    {
        var page = await client.GetFromJsonAsync<NotificationPage>("/api/cases/notifications?pageSize=200", Json, Ct);
        return page!.Items.Where(n => n.CaseId == caseId).ToList();
    }

    /// <summary>A demo account's id and unit, read from the accounts table.</summary>
    public static async Task<(Guid Id, Guid? UnitId)> AccountAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var u = await db.Users.AsNoTracking().Where(x => x.UserName == userName).Select(x => new { x.Id, Unit = x.DepartmentId ?? x.ParkId }).SingleAsync(Ct);
        return (u.Id, u.Unit);
    }
}
