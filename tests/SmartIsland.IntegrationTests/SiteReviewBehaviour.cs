using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Reviews;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Monthly site reviews (观摩评比) over HTTP on both databases: several reviewers, rankings with ties, park rankings,
/// park score sheets combined with the projects' mean, history across months, and refusals. Each test opens its own month (rounds are one per month) with its own projects.
/// Expected totals are added up by hand from the sheets the test sends.
/// </summary>
public abstract class SiteReviewBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<IReadOnlyList<NamedUnit>> ParksAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var units = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().UnitsAsync(zone, Ct);
        return units.Where(u => u.Kind == UnitKind.Park).OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => new NamedUnit(u.Id, u.Name)).ToList();
    }

    /// <summary>Projects straight in the register (the register's own workflow is tested elsewhere).</summary>
    private async Task<List<Project>> ProjectsAsync(params Guid[] parks)
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var list = parks.Select(p => new Project
        {
            ZoneId = zone, Code = ApplicationSeeds.Fresh("RV-"), Name = "观摩测试项目" + ApplicationSeeds.Fresh(""), Level = ProjectLevel.Municipal,
            Category = ProjectCategory.AdvancedManufacturing, ParkId = p, TotalInvestment = 50_000, Phase = ProjectPhase.UnderConstruction,
            SignedOn = new DateOnly(2025, 3, 1), StartedOn = new DateOnly(2025, 6, 1), CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(Ct);
        db.UseZone(zone);
        foreach (var p in list) db.Add(p);
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync(Ct);
        return list;
    }

    private async Task<RoundSummary> OpenAsync(HttpClient client, int year, int month, IEnumerable<Project> projects)
    {
        var response = await client.PostAsJsonAsync("/api/projects/reviews", new { year, month, projectCodes = projects.Select(p => p.Code) }, Json, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<RoundSummary>(body, Json)!;
    }

    private static async Task<HttpResponseMessage> ScoreAsync(HttpClient client, Guid round, Project project, decimal progress, decimal investment, decimal quality, decimal safety) =>
        await client.PutAsJsonAsync($"/api/projects/reviews/{round}/sheets/{project.Code}", new { progress, investment, quality, safety }, Json, Ct);

    private static async Task ScoredAsync(HttpClient client, Guid round, Project project, decimal progress, decimal investment, decimal quality, decimal safety)
    {
        var response = await ScoreAsync(client, round, project, progress, investment, quality, safety);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<RoundView> CloseAsync(HttpClient client, Guid round)
    {
        var response = await client.PostAsync($"/api/projects/reviews/{round}/close", null, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<RoundView>(body, Json)!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<HttpResponseMessage> ParkScoreAsync(HttpClient client, Guid round, Guid park, decimal? planning, decimal? support, decimal? environment, decimal? organisation) =>
        await client.PutAsJsonAsync($"/api/projects/reviews/{round}/park-sheets/{park}", new { planning, support, environment, organisation }, Json, Ct);

    private static async Task ParkScoredAsync(HttpClient client, Guid round, Guid park, decimal planning, decimal support, decimal environment, decimal organisation)
    {
        var response = await ParkScoreAsync(client, round, park, planning, support, environment, organisation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A fifth reviewer for the trimmed mean: the demo has four review-team accounts (admin, leader, dept, park).</summary>
    private async Task<HttpClient> ExtraReviewerAsync(string userName)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new PlatformUser { UserName = userName, DisplayName = "评委" + userName, ZoneId = await EnterpriseSeeds.ZoneIdAsync(factory) };
                (await users.CreateAsync(user, "Demo@2026")).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, Roles.DepartmentStaff)).Succeeded.ShouldBeTrue();
            }
        }
        return await factory.ClientForAsync(userName);
    }

    [Fact]
    public async Task Park_sheets_take_a_trimmed_mean_and_combine_with_the_projects_mean_so_equal_parks_share_a_rank()
    {
        var parks = await ParksAsync();
        var (a, b, c, d) = (parks[0].Id, parks[1].Id, parks[2].Id, parks[3].Id);
        var projects = await ProjectsAsync(a, b, c, d);
        var (admin, leader, dept) = (await factory.ClientForAsync("admin"), await factory.ClientForAsync("leader"), await factory.ClientForAsync("dept"));
        var (fourth, fifth) = (await ExtraReviewerAsync("rv-fourth"), await ExtraReviewerAsync("rv-fifth"));
        var round = await OpenAsync(dept, 2025, 7, projects);

        await ScoredAsync(dept, round.Id, projects[0], 32, 24, 12, 12);     // park A's project: 80
        await ScoredAsync(dept, round.Id, projects[1], 34, 26, 13, 13);     // park B's: 86
        await ScoredAsync(dept, round.Id, projects[2], 28, 21, 10.5m, 10.5m); // park C's: 70
        await ScoredAsync(dept, round.Id, projects[3], 36, 27, 14, 14);     // park D's: 91 (D gets no park sheet)

        // Park A, five sheets: the 100 and the 40 are left out; the other three total 90 each.
        await ParkScoredAsync(admin, round.Id, a, 30, 25, 25, 20);  // 100: highest, left out
        await ParkScoredAsync(leader, round.Id, a, 27, 23, 22, 18); // 90
        await ParkScoredAsync(dept, round.Id, a, 28, 22, 23, 17);   // 90
        await ParkScoredAsync(fourth, round.Id, a, 26, 24, 22, 18); // 90
        await ParkScoredAsync(fifth, round.Id, a, 10, 10, 10, 10);  // 40: lowest, left out (untrimmed the mean would be 82)
        await ParkScoredAsync(admin, round.Id, b, 24, 19, 19, 14);  // 76
        await ParkScoredAsync(leader, round.Id, b, 23, 19, 20, 14); // 76 → 76
        await ParkScoredAsync(dept, round.Id, c, 18, 15, 15, 12);   // 60

        var open = await dept.GetFromJsonAsync<RoundView>($"/api/projects/reviews/{round.Id}", Json, Ct);
        var parkA = open!.Parks.Single(p => p.ParkId == a);
        (parkA.Sheets, parkA.MarksTotal).ShouldBe((5, 90m));
        // Criterion by criterion over leader, dept and fourth: (27+28+26)/3, (23+22+24)/3, (22+23+22)/3, (18+17+18)/3.
        (parkA.Marks["planning"], parkA.Marks["support"], parkA.Marks["environment"], parkA.Marks["organisation"]).ShouldBe((27m, 23m, 22.33m, 17.67m));
        open.Parks.Single(p => p.ParkId == d).Sheets.ShouldBe(0);
        (open.ParkScoring.WithParkSheets, open.ParkScoring.ProjectsWeight, open.ParkScoring.SheetsWeight).ShouldBe((true, 70m, 30m));

        var closed = await CloseAsync(leader, round.Id);
        var ranking = closed.ParkRanking.ToDictionary(p => p.ParkId);
        // A: 80 × 0.7 + 90 × 0.3 = 56 + 27 = 83; B: 86 × 0.7 + 76 × 0.3 = 60.2 + 22.8 = 83; C: 70 × 0.7 + 60 × 0.3 = 49 + 18 = 67.
        (ranking[a].Total, ranking[a].Rank, ranking[a].Grade).ShouldBe((83m, (int?)1, "B"));
        (ranking[b].Total, ranking[b].Rank).ShouldBe((83m, (int?)1));
        (ranking[c].Total, ranking[c].Rank, ranking[c].Grade).ShouldBe((67m, (int?)3, "C")); // competition ranking: 1, 1, 3
        (ranking[a].ProjectsMean, ranking[a].SheetsMark, ranking[a].ParkSheets).ShouldBe((80m, 90m, 5));
        // D has the best project (91) but nobody filled its park sheet: listed, not ranked.
        (ranking[d].Rank, ranking[d].ExcludedReason).ShouldBe(((int?)null, "无园区评分表，不参与排名"));
        closed.ProjectRanking.Single(r => r.ProjectCode == projects[3].Code).Rank.ShouldBe(1);

        // Closed: park sheets are final too.
        (await ProblemAsync(await ParkScoreAsync(dept, round.Id, d, 20, 20, 20, 15), HttpStatusCode.Conflict)).GetProperty("title").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_park_sheets_are_refused_naming_the_criterion_and_a_reviewer_has_one_sheet_per_park()
    {
        var parks = await ParksAsync();
        var parkAccountPark = parks.Single(p => p.Name == "电气装备产业园区").Id;
        var other = parks.First(p => p.Id != parkAccountPark).Id;
        var offRoute = parks.First(p => p.Id != parkAccountPark && p.Id != other).Id;
        var projects = await ProjectsAsync(parkAccountPark, other);
        var dept = await factory.ClientForAsync("dept");
        var round = await OpenAsync(dept, 2025, 10, projects);

        static async Task<string[]> FieldsAsync(HttpResponseMessage response) =>
            (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        (await FieldsAsync(await ParkScoreAsync(dept, round.Id, other, 31, 20, 20, 15))).ShouldBe(["planning"]);             // planning ≤ 30
        (await FieldsAsync(await ParkScoreAsync(dept, round.Id, other, 25, -1, 20, 20.5m))).ShouldBe(["support", "organisation"], ignoreOrder: true);
        (await FieldsAsync(await ParkScoreAsync(dept, round.Id, other, 25, 20, 20.25m, null))).ShouldBe(["environment", "organisation"], ignoreOrder: true);
        (await FieldsAsync(await ParkScoreAsync(dept, round.Id, offRoute, 25, 20, 20, 15))).ShouldBe(["parkId"]);             // no project of it on the route

        // Park staff score other parks, not their own; citizens and enterprises not at all.
        var park = await factory.ClientForAsync("park");
        (await ProblemAsync(await ParkScoreAsync(park, round.Id, parkAccountPark, 25, 20, 20, 15), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("projects.review.score");
        (await ParkScoreAsync(await factory.ClientForAsync("enterprise"), round.Id, other, 25, 20, 20, 15)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Once per reviewer and park: a second save replaces the first; a stale If-Match is refused.
        await ParkScoredAsync(park, round.Id, other, 25, 20, 20, 15);
        await ParkScoredAsync(park, round.Id, other, 26, 20, 20, 15);
        var mine = await park.GetAsync($"/api/projects/reviews/{round.Id}/park-sheets/{other}", Ct);
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = (await mine.Content.ReadFromJsonAsync<ParkSheetView>(Json, Ct))!;
        (sheet.Planning, sheet.Total).ShouldBe((26m, 81m));
        mine.Headers.ETag!.Tag.ShouldBe($"\"{sheet.Version}\"");
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/reviews/{round.Id}/park-sheets/{other}")
        {
            Content = JsonContent.Create(new { planning = 27, support = 20, environment = 20, organisation = 15 }, options: Json),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{sheet.Version + 5}\""));
        (await park.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await dept.GetAsync($"/api/projects/reviews/{round.Id}/park-sheets/{other}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // dept has none

        var view = await dept.GetFromJsonAsync<RoundView>($"/api/projects/reviews/{round.Id}", Json, Ct);
        (view!.Parks.Single(p => p.ParkId == other).Sheets, view.Parks.Single(p => p.ParkId == other).MarksTotal).ShouldBe((1, 81m));
        view.Parks.Single(p => p.ParkId == parkAccountPark).Sheets.ShouldBe(0);
        view.Parks.Select(p => p.ParkId).ShouldNotContain(offRoute);
    }

    [Fact]
    public async Task History_lists_a_projects_and_a_parks_months_in_order_whichever_park_scheme_each_month_used()
    {
        var parks = await ParksAsync();
        var (a, b) = (parks[0].Id, parks[1].Id);
        var projects = await ProjectsAsync(a, b);
        var dept = await factory.ClientForAsync("dept");
        // Closed out of calendar order: November first, then August, then September.
        var november = await OpenAsync(dept, 2025, 11, projects);
        await ScoredAsync(dept, november.Id, projects[0], 30, 20, 10, 10);     // 70
        await ScoredAsync(dept, november.Id, projects[1], 32, 24, 12, 12);     // 80
        (await CloseAsync(dept, november.Id)).ParkScoring.Note.ShouldBe("park sheets: none");
        var august = await OpenAsync(dept, 2025, 8, projects);
        await ScoredAsync(dept, august.Id, projects[0], 36, 27, 14, 14);       // 91
        await CloseAsync(dept, august.Id);
        var september = await OpenAsync(dept, 2025, 9, projects);
        await ScoredAsync(dept, september.Id, projects[0], 34, 25, 13, 12);    // 84
        await ScoredAsync(dept, september.Id, projects[1], 36, 27, 14, 13);    // 90
        await ParkScoredAsync(dept, september.Id, a, 24, 20, 20, 16);          // 80
        await ParkScoredAsync(dept, september.Id, b, 27, 22, 22, 19);          // 90
        await CloseAsync(dept, september.Id);

        var history = await dept.GetFromJsonAsync<List<HistoryPoint>>($"/api/projects/reviews/history/{projects[0].Id}", Json, Ct);
        history!.Select(h => (h.Period, h.Total, h.Rank)).ShouldBe([("2025M11", 70m, (int?)2), ("2025M09", 84m, (int?)2), ("2025M08", 91m, (int?)1)]);
        var parkHistory = (await dept.GetFromJsonAsync<List<HistoryPoint>>($"/api/projects/reviews/history/{a}?park=true", Json, Ct))!
            .Where(h => h.Period.StartsWith("2025M", StringComparison.Ordinal) && string.CompareOrdinal(h.Period, "2025M08") >= 0).ToList();
        // September combined: 84 × 0.7 + 80 × 0.3 = 58.8 + 24 = 82.8; the other months the projects' mean alone.
        parkHistory.Select(h => (h.Period, h.Total, h.WithParkSheets)).ShouldBe([("2025M11", 70m, false), ("2025M09", 82.8m, true), ("2025M08", 91m, false)]);
    }

    [Fact]
    public async Task Several_reviewers_score_and_equal_totals_share_a_rank_and_parks_rank_by_their_projects_mean()
    {
        var parks = await ParksAsync();
        var (a, b) = (parks[0].Id, parks[1].Id);
        var projects = await ProjectsAsync(a, a, b, b);
        var (admin, leader, dept) = (await factory.ClientForAsync("admin"), await factory.ClientForAsync("leader"), await factory.ClientForAsync("dept"));
        var round = await OpenAsync(dept, 2025, 1, projects);

        // Three reviewers per project. Totals per reviewer in the comments; a project's total is their mean.
        await ScoredAsync(admin, round.Id, projects[0], 36, 27, 13, 14);  // 90
        await ScoredAsync(leader, round.Id, projects[0], 34, 25, 13, 12); // 84
        await ScoredAsync(dept, round.Id, projects[0], 35, 26, 14, 13);   // 88 → mean 87.33 (35, 26, 13.33, 13)
        await ScoredAsync(admin, round.Id, projects[1], 30, 20, 10, 10);  // 70 → mean 70 (one sheet)
        await ScoredAsync(admin, round.Id, projects[2], 35, 26, 13, 13);  // 87
        await ScoredAsync(leader, round.Id, projects[2], 35, 26, 13, 13); // 87 → mean 87
        await ScoredAsync(admin, round.Id, projects[3], 36, 25, 13, 13);  // 87 → mean 87: ties with projects[2]

        var closed = await CloseAsync(leader, round.Id);
        closed.Round.Status.ShouldBe(RoundStatus.Closed);
        var ranking = closed.ProjectRanking.ToDictionary(r => r.ProjectCode);
        ranking[projects[0].Code].Total.ShouldBe(87.33m);
        ranking[projects[0].Code].Rank.ShouldBe(1);
        ranking[projects[2].Code].Total.ShouldBe(87m);
        ranking[projects[3].Code].Total.ShouldBe(87m);
        (ranking[projects[2].Code].Rank, ranking[projects[3].Code].Rank).ShouldBe((2, 2));
        ranking[projects[1].Code].Rank.ShouldBe(4); // competition ranking: 1, 2, 2, 4
        (ranking[projects[0].Code].Grade, ranking[projects[1].Code].Grade).ShouldBe(("B", "C")); // 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60
        ranking[projects[0].Code].Sheets.ShouldBe(3);

        // Park A: (87.33 + 70) / 2 = 78.665 → 78.67; park B: (87 + 87) / 2 = 87.
        var parkRanking = closed.ParkRanking.ToDictionary(p => p.ParkId);
        (parkRanking[b].Total, parkRanking[b].Rank).ShouldBe((87m, 1));
        (parkRanking[a].Total, parkRanking[a].Rank).ShouldBe((78.67m, 2));
        parkRanking[a].ParkName.ShouldBe(parks[0].Name);
        // No park sheets in this round: the parks' scores are their projects' mean, as before park sheets existed.
        (closed.ParkScoring.WithParkSheets, closed.ParkScoring.Note).ShouldBe((false, "park sheets: none"));
        parkRanking[a].SheetsMark.ShouldBeNull();

        // Closed: the sheets are final.
        (await ProblemAsync(await ScoreAsync(dept, round.Id, projects[1], 30, 20, 10, 10), HttpStatusCode.Conflict)).GetProperty("title").GetString().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_project_nobody_scored_is_listed_but_not_ranked_and_history_spans_months()
    {
        var parks = await ParksAsync();
        var projects = await ProjectsAsync(parks[0].Id, parks[1].Id);
        var dept = await factory.ClientForAsync("dept");
        var march = await OpenAsync(dept, 2025, 3, projects);
        await ScoredAsync(dept, march.Id, projects[0], 30, 20, 10, 10); // 70
        var closed = await CloseAsync(dept, march.Id);
        var unscored = closed.ProjectRanking.Single(r => r.ProjectCode == projects[1].Code);
        (unscored.Excluded, unscored.Rank).ShouldBe((true, (int?)null));

        var april = await OpenAsync(dept, 2025, 4, projects);
        await ScoredAsync(dept, april.Id, projects[0], 36, 27, 14, 14); // 91
        await ScoredAsync(dept, april.Id, projects[1], 20, 10, 5, 5);   // 40
        await CloseAsync(dept, april.Id);

        var history = await dept.GetFromJsonAsync<List<HistoryPoint>>($"/api/projects/reviews/history/{projects[0].Id}", Json, Ct);
        history!.Select(h => (h.Period, h.Total, h.Rank)).ShouldBe([("2025M04", 91m, (int?)1), ("2025M03", 70m, (int?)1)]);
        var parkHistory = await dept.GetFromJsonAsync<List<HistoryPoint>>($"/api/projects/reviews/history/{parks[1].Id}?park=true", Json, Ct);
        // The demo's October 2026 review may rank the same park too: read this test's month.
        parkHistory!.Single(h => h.Period == "2025M04").Total.ShouldBe(40m);
        parkHistory!.Single(h => h.Period == "2025M03").Rank.ShouldBeNull(); // its only project was not scored in March
    }

    [Fact]
    public async Task The_demo_has_octobers_review_of_eighteen_projects_closed_and_ranked()
    {
        // Seeds: "观摩团对全区18个重点项目进行现场观摩".
        var leader = await factory.ClientForAsync("leader");
        var rounds = await leader.GetFromJsonAsync<List<RoundSummary>>("/api/projects/reviews", Json, Ct);
        var october = rounds!.Single(r => (r.Year, r.Month) == (2026, 10));
        (october.Status, october.Projects).ShouldBe((RoundStatus.Closed, 18));
        var view = await leader.GetFromJsonAsync<RoundView>($"/api/projects/reviews/{october.Id}", Json, Ct);
        view!.ProjectRanking.Count.ShouldBe(18);
        view.ProjectRanking.ShouldAllBe(r => r.Rank != null && r.Sheets >= 3);
        view.ProjectRanking.Select(r => r.Total).ShouldBeInOrder(SortDirection.Descending);
        view.ParkRanking.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Bad_sheets_and_rounds_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var parks = await ParksAsync();
        var parkAccountPark = parks.Single(p => p.Name == "电气装备产业园区").Id;
        var other = parks.First(p => p.Id != parkAccountPark).Id;
        var projects = await ProjectsAsync(parkAccountPark, other);
        var dept = await factory.ClientForAsync("dept");

        var unknown = await dept.PostAsJsonAsync("/api/projects/reviews", new { year = 2025, month = 5, projectCodes = new[] { "XM-NONE-1" } }, Json, Ct);
        (await ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["projectCodes"]);
        var round = await OpenAsync(dept, 2025, 5, projects);
        var twice = await dept.PostAsJsonAsync("/api/projects/reviews", new { year = 2025, month = 5, projectCodes = projects.Select(p => p.Code) }, Json, Ct);
        (await ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["month"]);
        (await ProblemAsync(await (await factory.ClientForAsync("park")).PostAsJsonAsync("/api/projects/reviews",
            new { year = 2025, month = 6, projectCodes = projects.Select(p => p.Code) }, Json, Ct), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("projects.review.manage");

        var tooMany = await ScoreAsync(dept, round.Id, projects[0], 41, 20, 10, 10);
        (await ProblemAsync(tooMany, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["progress"]);
        var negative = await ScoreAsync(dept, round.Id, projects[0], 30, -1, 16, 10);
        (await ProblemAsync(negative, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["investment", "quality"], ignoreOrder: true);

        // Park staff score other parks' projects, not their own.
        var park = await factory.ClientForAsync("park");
        (await ProblemAsync(await ScoreAsync(park, round.Id, projects[0], 30, 20, 10, 10), HttpStatusCode.Forbidden))
            .GetProperty("rule").GetString()!.ShouldStartWith("projects.review.score");
        await ScoredAsync(park, round.Id, projects[1], 30, 20, 10, 10);

        // A stale sheet: If-Match with an old version.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/reviews/{round.Id}/sheets/{projects[1].Code}")
        {
            Content = JsonContent.Create(new { progress = 31, investment = 20, quality = 10, safety = 10 }, options: Json),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        (await park.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var view = await dept.GetFromJsonAsync<RoundView>($"/api/projects/reviews/{round.Id}", Json, Ct);
        view!.Entries.Single(e => e.ProjectCode == projects[0].Code).Sheets.ShouldBe(0);
        var scored = view.Entries.Single(e => e.ProjectCode == projects[1].Code);
        (scored.Sheets, scored.MarksTotal).ShouldBe((1, 70m));
        (await (await factory.ClientForAsync("enterprise")).GetAsync($"/api/projects/reviews/{round.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SiteReviewOnSqlite(CasesSqliteFactory factory) : SiteReviewBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class SiteReviewOnPostgres(CasesPostgresFactory factory) : SiteReviewBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
