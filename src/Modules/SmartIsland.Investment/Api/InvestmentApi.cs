using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Features;
using static SmartIsland.Platform.Web.Versions;

namespace SmartIsland.Investment.Api;

/// <summary>招商 over REST: leads (ETag / If-Match), the board's export, conversion to a project, 代办 tasks, idle sites and matches.</summary>
public static class InvestmentApi
{
    public static IEndpointRouteBuilder MapInvestmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/investment").WithTags("Investment").RequireAuthorization();

        api.MapGet("/leads", async (LeadStage? stage, Guid? ownerUserId, string? industry, LeadSource? source, string? search, LeadService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(new LeadQuery(stage, ownerUserId, industry, source, search), ct)))
            .WithName("ListLeads").WithSummary("The zone's leads with the board's filters; overdue next actions are marked.");

        api.MapGet("/leads/export", async (LeadStage? stage, Guid? ownerUserId, string? industry, LeadSource? source, string? search, LeadExport export, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(new LeadQuery(stage, ownerUserId, industry, source, search), buffer, ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"leads-{DateTime.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .WithName("ExportLeads").WithSummary("招商线索台账 as .xlsx with the list's filters (audited).");

        api.MapGet("/staff", async (LeadService s, CancellationToken ct) => TypedResults.Ok(await s.StaffAsync(ct))).WithName("ListInvestmentStaff");

        api.MapPost("/leads", async (LeadInput input, LeadService s, HttpContext http, CancellationToken ct) =>
            {
                var view = await s.CreateAsync(input, ct);
                SetETag(http, view.Version);
                return TypedResults.Created($"/api/investment/leads/{view.Id}", view);
            })
            .WithName("CreateLead").WithSummary("Registers a lead in stage 线索; a chain lead names its source enterprise in the registry and the side of its chain.");

        api.MapGet("/leads/{id:guid}", async (Guid id, LeadService s, HttpContext http, CancellationToken ct) => Tagged(http, await s.GetAsync(id, ct)))
            .WithName("GetLead");

        api.MapPut("/leads/{id:guid}", async (Guid id, LeadInput input, LeadService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.UpdateAsync(id, input, IfMatch(http), ct)))
            .WithName("UpdateLead").WithSummary("Edits a lead (If-Match: 412 when it moved on).");

        api.MapPost("/leads/{id:guid}/stage", async (Guid id, StageChange change, LeadService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.ChangeStageAsync(id, change, IfMatch(http), ct)))
            .WithName("ChangeLeadStage").WithSummary("Moves a lead to another stage with a note (the reason when dropped); 409 when the move is not allowed.");

        api.MapPost("/leads/{id:guid}/notes", async (Guid id, NoteInput note, LeadService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.AddNoteAsync(id, note, IfMatch(http), ct)))
            .WithName("AddLeadNote");

        api.MapPost("/leads/{id:guid}/convert", async (Guid id, ConversionInput input, LeadService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.ConvertAsync(id, input, IfMatch(http), ct)))
            .WithName("ConvertLead").WithSummary("Opens the key project of a signed lead (its SourceLeadId is the lead); 409 when already converted.");

        api.MapGet("/leads/{id:guid}/matches", async (Guid id, SiteService s, CancellationToken ct) => TypedResults.Ok(await s.MatchesAsync(id, ct)))
            .WithName("LeadSiteMatches").WithSummary("Idle sites that suit the lead (kind, area ±30 %, industry), best first, with reasons.");

        api.MapGet("/leads/{id:guid}/tasks", async (Guid id, AgencyTaskService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(id, null, false, ct)))
            .WithName("ListLeadTasks");

        api.MapPost("/leads/{id:guid}/tasks", async (Guid id, AgencyTaskInput input, AgencyTaskService s, HttpContext http, CancellationToken ct) =>
            {
                var task = await s.CreateAsync(id, input, ct);
                SetETag(http, task.Version);
                return TypedResults.Created($"/api/investment/tasks/{task.Id}", task);
            })
            .WithName("CreateAgencyTask").WithSummary("A 代办 task for a signed or landed lead, due on a date or in N working days.");

        api.MapGet("/tasks", async (Guid? leadId, Guid? projectId, bool? openOnly, bool? overdueOnly, AgencyTaskService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(new AgencyTaskQuery(leadId, projectId, openOnly ?? false, overdueOnly ?? false), ct)))
            .WithName("ListAgencyTasks").WithSummary("The zone's 代办 tasks, soonest due first: one lead's or project's, open only, overdue only.");

        api.MapGet("/tasks/export", async (Guid? leadId, Guid? projectId, bool? openOnly, bool? overdueOnly, AgencyTaskExport export, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(new AgencyTaskQuery(leadId, projectId, openOnly ?? false, overdueOnly ?? false), buffer, ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"agency-tasks-{DateTime.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .WithName("ExportAgencyTasks").WithSummary("代办事项台账 as .xlsx with the list's filters (audited).");

        api.MapPut("/tasks/{id:guid}", async (Guid id, AgencyTaskUpdate input, AgencyTaskService s, HttpContext http, CancellationToken ct) =>
            {
                var task = await s.UpdateAsync(id, input, IfMatch(http), ct);
                SetETag(http, task.Version);
                return TypedResults.Ok(task);
            })
            .WithName("UpdateAgencyTask");

        api.MapGet("/sites", async (SiteKind? kind, SiteStatus? status, string? search, SiteService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(kind, status, search, ct)))
            .WithName("ListIdleSites").WithSummary("The idle plants and land, by kind and status; search finds a name, location or holder.");

        api.MapPost("/sites", async (SiteInput input, SiteService s, HttpContext http, CancellationToken ct) =>
            {
                var site = await s.CreateAsync(input, ct);
                SetETag(http, site.Version);
                return TypedResults.Created($"/api/investment/sites/{site.Id}", site);
            })
            .WithName("CreateIdleSite");

        api.MapGet("/sites/{id:guid}", async (Guid id, SiteService s, HttpContext http, CancellationToken ct) =>
            {
                var site = await s.GetAsync(id, ct);
                SetETag(http, site.Version);
                return TypedResults.Ok(site);
            })
            .WithName("GetIdleSite");

        api.MapPut("/sites/{id:guid}", async (Guid id, SiteInput input, SiteService s, HttpContext http, CancellationToken ct) =>
            {
                var site = await s.UpdateAsync(id, input, IfMatch(http), ct);
                SetETag(http, site.Version);
                return TypedResults.Ok(site);
            })
            .WithName("UpdateIdleSite").WithSummary("Edits a site, its status (Available / Reserved / Taken) included (If-Match: 412 when it moved on).");

        api.MapGet("/parks", async (SiteService s, CancellationToken ct) => TypedResults.Ok(await s.ParksAsync(ct))).WithName("ListParkIndustries");

        api.MapPut("/parks/{parkId:guid}", async (Guid parkId, ParkIndustriesInput input, SiteService s, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await s.SetParkAsync(parkId, input, IfMatch(http), ct)))
            .WithName("SetParkIndustries").WithSummary("A park's leading industries (GB/T 4754 divisions such as C38).");

        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<LeadView> Tagged(HttpContext http, LeadView view)
    {
        SetETag(http, view.Version);
        return TypedResults.Ok(view);
    }
}
