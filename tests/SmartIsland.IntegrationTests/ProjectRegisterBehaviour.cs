using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Register;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// The key-project register and 三个一批 over HTTP on both databases; the clock starts Wed 2026-11-25 10:00 (+08:00).
/// Projects made here in the demo zone are zone-level and stay signed, so the demo's 2026 figures stay as the newspaper
/// has them; phases are moved in the second zone (洛阳, account b-admin), which the demo gives no projects.
/// </summary>
public abstract class ProjectRegisterBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>The problem's field errors; fails unless the status is the one expected.</summary>
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonObject Errors(JsonObject problem) => problem["errors"]!.AsObject();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request, Ct);
    }

    private static object NewProject(string name, string signedOn, Guid? parkId = null, decimal total = 1000, string level = "Zone") => new
    {
        name, level, category = "AdvancedManufacturing", parkId, totalInvestment = total, signedOn, responsibleLeader = "测试领导",
    };

    private static async Task<JsonNode> CreateAsync(HttpClient client, string name, string signedOn, Guid? parkId = null) =>
        await OkAsync(await client.PostAsJsonAsync("/api/projects", NewProject(name, signedOn, parkId), Ct));

    private static int Version(JsonNode project) => project["version"]!.GetValue<int>();

    private static async Task<JsonNode> GetAsync(HttpClient client, string code) => await OkAsync(await client.GetAsync($"/api/projects/{code}", Ct));

    /// <summary>A demo project found by a word of its name, as the list shows it (its park is read from there).</summary>
    private static async Task<JsonNode> FindAsync(HttpClient client, string word)
    {
        var page = await OkAsync(await client.GetAsync($"/api/projects?search={Uri.EscapeDataString(word)}", Ct));
        return page["items"]!.AsArray().Single()!;
    }

    private static async Task<int> CountAsync(HttpClient client, string query) =>
        (await OkAsync(await client.GetAsync("/api/projects?" + query, Ct)))["total"]!.GetValue<int>();

    [Fact]
    public async Task A_project_is_opened_and_edited_and_an_edit_on_a_stale_version_is_refused_with_412()
    {
        var admin = await factory.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/projects", NewProject("测试新材料项目", "2026-09-01", total: 2500.5m), Ct);
        var created = await OkAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var code = created["code"]!.GetValue<string>();
        code.ShouldStartWith("XM2026-");
        created["phase"]!.GetValue<string>().ShouldBe("Signed");
        response.Headers.ETag!.Tag.ShouldBe($"\"{Version(created)}\"");

        var edit = new
        {
            name = "测试新材料项目（一期）", level = "Zone", category = "InnovationCapacity", totalInvestment = 3000, signedOn = "2026-09-02",
            responsibleLeader = "测试领导", reason = "按备案证明更正名称和投资额",
        };
        var edited = await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{code}", edit, Version(created)));
        edited["name"]!.GetValue<string>().ShouldBe("测试新材料项目（一期）");
        edited["category"]!.GetValue<string>().ShouldBe("InnovationCapacity");
        edited["totalInvestment"]!.GetValue<decimal>().ShouldBe(3000m);
        Version(edited).ShouldBeGreaterThan(Version(created));

        // Someone who read the first version saves over it: 412, and the project keeps the edit.
        var stale = await SendAsync(admin, HttpMethod.Put, $"/api/projects/{code}", edit with { }, Version(created));
        (await ProblemAsync(stale, HttpStatusCode.PreconditionFailed)).ShouldNotBeNull();
        var again = await SendAsync(admin, HttpMethod.Put, $"/api/projects/{code}", new { name = "旧版本覆盖", level = "Zone", category = "Livelihood", totalInvestment = 1, signedOn = "2026-09-02" }, Version(created));
        again.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var read = await GetAsync(admin, code);
        read["name"]!.GetValue<string>().ShouldBe("测试新材料项目（一期）");
        Version(read).ShouldBe(Version(edited));

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Project&entityId={created["id"]}&pageSize=50", Ct);
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reason").GetString())
            .ShouldContain(r => r != null && r.Contains(code) && r.Contains("按备案证明更正名称和投资额"));
    }

    [Fact]
    public async Task Milestones_out_of_order_on_a_rest_day_or_investment_below_zero_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var dept = await factory.ClientForAsync("dept");
        var project = await CreateAsync(dept, "测试节点校验项目", "2026-06-01");
        var code = project["code"]!.GetValue<string>();
        var v = Version(project);

        // The second milestone is planned before the first.
        var outOfOrder = new
        {
            milestones = new object[]
            {
                new { name = "取得施工许可", plannedOn = "2026-07-15" },
                new { name = "开工", plannedOn = "2026-07-10" },
                new { name = "主体结构封顶", plannedOn = "2026-10-20" },
            },
        };
        var errors = Errors(await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/milestones", outOfOrder, v)));
        errors.Select(e => e.Key).ShouldBe(["milestones[1].plannedOn"]);

        // 2026-10-01 is 国庆节 and 2026-07-11 a Saturday: rest days in the calendar; 2027 is not loaded.
        var restDay = new
        {
            milestones = new object[]
            {
                new { name = "开工", plannedOn = "2026-07-11" },
                new { name = "设备进场", plannedOn = "2026-10-01" },
                new { name = "竣工", plannedOn = "2027-03-01" },
            },
        };
        errors = Errors(await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/milestones", restDay, v)));
        errors.Select(e => e.Key).Order().ShouldBe(["milestones[0].plannedOn", "milestones[1].plannedOn", "milestones[2].plannedOn"]);
        errors["milestones[1].plannedOn"]![0]!.GetValue<string>().ShouldContain("2026-10-01");

        // An actual day in the future, an unnamed milestone.
        var future = new { milestones = new object[] { new { name = "", plannedOn = "2026-07-10", actualOn = "2026-11-30" } } };
        errors = Errors(await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/milestones", future, v)));
        errors.Select(e => e.Key).Order().ShouldBe(["milestones[0].actualOn", "milestones[0].name"]);

        (await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/investments/2026/10", new { amount = -5 }, v)))
            ["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["amount"]);
        (await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/year-plans/2026", new { plannedInvestment = -0.01 }, v)))
            ["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["plannedInvestment"]);
        // A month still to come (the clock is in November 2026).
        (await ProblemAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/investments/2026/12", new { amount = 10 }, v)))
            ["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["month"]);

        var unchanged = await GetAsync(dept, code);
        unchanged["milestones"]!.AsArray().Count.ShouldBe(0);
        unchanged["investments"]!.AsArray().Count.ShouldBe(0);
        unchanged["yearPlans"]!.AsArray().Count.ShouldBe(0);
        Version(unchanged).ShouldBe(v);

        // The same rows in order and on working days are kept, with the month and the year plan.
        var good = new
        {
            milestones = new object[]
            {
                new { name = "开工", plannedOn = "2026-07-10", actualOn = "2026-07-13" },
                new { name = "主体结构封顶", plannedOn = "2026-10-20" },
                new { name = "竣工", plannedOn = "2026-12-30" },
            },
        };
        var saved = await OkAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/milestones", good, v));
        var milestones = saved["milestones"]!.AsArray();
        milestones.Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["开工", "主体结构封顶", "竣工"]);
        // 2026-10-20 has passed on the clock without being reached: overdue; the start was reached late.
        milestones[1]!["overdue"]!.GetValue<bool>().ShouldBeTrue();
        milestones[0]!["late"]!.GetValue<bool>().ShouldBeTrue();
        milestones[2]!["overdue"]!.GetValue<bool>().ShouldBeFalse();
        saved = await OkAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/year-plans/2026", new { plannedInvestment = 600 }, Version(saved)));
        saved = await OkAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/investments/2026/10", new { amount = 45.5 }, Version(saved)));
        saved = await OkAsync(await SendAsync(dept, HttpMethod.Put, $"/api/projects/{code}/investments/2026/10", new { amount = 50, reason = "统计局核定数" }, Version(saved)));
        saved["investments"]!.AsArray().Select(i => i!["amount"]!.GetValue<decimal>()).ShouldBe([50m]);
        saved["yearPlans"]!.AsArray().Single()!["plannedInvestment"]!.GetValue<decimal>().ShouldBe(600m);
    }

    [Fact]
    public async Task An_unknown_park_or_a_park_clerk_naming_another_park_is_refused_and_nothing_is_opened()
    {
        var park = await factory.ClientForAsync("park");
        var ownPark = (await FindAsync(park, "永邦"))["parkId"]!.GetValue<Guid>();
        var otherPark = (await FindAsync(park, "智慧岛"))["parkId"]!.GetValue<Guid>();
        otherPark.ShouldNotBe(ownPark);

        var dept = await factory.ClientForAsync("dept");
        Errors(await ProblemAsync(await dept.PostAsJsonAsync("/api/projects", NewProject("测试未知园区项目", "2026-09-01", Guid.NewGuid()), Ct)))
            .Select(e => e.Key).ShouldContain("parkId");
        await ProblemAsync(await park.PostAsJsonAsync("/api/projects", NewProject("测试他园区项目", "2026-09-01", otherPark), Ct), HttpStatusCode.Forbidden);
        (await CountAsync(dept, "search=" + Uri.EscapeDataString("测试未知园区项目"))).ShouldBe(0);
        (await CountAsync(park, "search=" + Uri.EscapeDataString("测试他园区项目"))).ShouldBe(0);

        // An owner of another zone's registry is as unknown here as a made-up one.
        var foreign = await EnterpriseSeeds.AddAsync(factory, "洛阳测试业主有限公司" + Guid.NewGuid().ToString("N")[..6], [], division: "410371");
        var withForeignOwner = await dept.PostAsJsonAsync("/api/projects", new
        {
            name = "测试外区业主项目", level = "Zone", category = "AdvancedManufacturing", totalInvestment = 100, signedOn = "2026-09-01", ownerEnterpriseId = foreign.Id,
        }, Ct);
        Errors(await ProblemAsync(withForeignOwner)).Select(e => e.Key).ShouldContain("ownerEnterpriseId");
        (await CountAsync(dept, "search=" + Uri.EscapeDataString("测试外区业主项目"))).ShouldBe(0);

        // Its own park's project it opens and keeps; another park's project it reads but may not change.
        var own = await CreateAsync(park, "测试本园区项目", "2026-09-01", ownPark);
        own["canEdit"]!.GetValue<bool>().ShouldBeTrue();
        var other = await GetAsync(park, (await FindAsync(park, "智慧岛"))["code"]!.GetValue<string>());
        other["canEdit"]!.GetValue<bool>().ShouldBeFalse();
        await ProblemAsync(await SendAsync(park, HttpMethod.Put, $"/api/projects/{other["code"]}/investments/2026/10", new { amount = 1 }, Version(other)), HttpStatusCode.Forbidden);
        var moved = new { name = "测试本园区项目", level = "Zone", category = "AdvancedManufacturing", parkId = otherPark, totalInvestment = 1000, signedOn = "2026-09-01" };
        await ProblemAsync(await SendAsync(park, HttpMethod.Put, $"/api/projects/{own["code"]}", moved, Version(own)), HttpStatusCode.Forbidden);
        (await GetAsync(park, own["code"]!.GetValue<string>()))["parkId"]!.GetValue<Guid>().ShouldBe(ownPark);
        (await GetAsync(park, other["code"]!.GetValue<string>()))["investments"]!.AsArray().Single(i => i!["month"]!.GetValue<int>() == 10 && i["year"]!.GetValue<int>() == 2026)!
            ["amount"]!.GetValue<decimal>().ShouldNotBe(1m);
    }

    [Fact]
    public async Task The_team_is_made_of_the_zones_own_accounts_with_one_lead()
    {
        var leader = await factory.ClientForAsync("leader");
        var people = (await OkAsync(await leader.GetAsync("/api/projects/people", Ct))).AsArray();
        Guid Id(string name) => people.Single(p => p!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<Guid>();
        var (clerk, contact, chief) = (Id("赵一帆"), Id("刘芳菲"), Id("周明远"));
        var otherZone = (await OkAsync(await (await factory.ClientForAsync("b-admin")).GetAsync("/api/projects/people", Ct))).AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "吴若曦")!["id"]!.GetValue<Guid>();
        people.ShouldNotContain(p => p!["id"]!.GetValue<Guid>() == otherZone);

        var project = await CreateAsync(leader, "测试专班项目", "2026-08-03");
        var code = project["code"]!.GetValue<string>();
        var bad = new
        {
            members = new object[]
            {
                new { userId = chief, role = "Lead" },
                new { userId = otherZone, role = "Member" },
                new { userId = clerk, role = "Lead" },
                new { userId = chief, role = "Member" },
            },
        };
        var errors = Errors(await ProblemAsync(await SendAsync(leader, HttpMethod.Put, $"/api/projects/{code}/members", bad, Version(project))));
        errors.Select(e => e.Key).Order().ShouldBe(["members[1].userId", "members[2].role", "members[3].userId"]);
        (await GetAsync(leader, code))["members"]!.AsArray().Count.ShouldBe(0);

        var good = new { members = new object[] { new { userId = chief, role = "Lead" }, new { userId = clerk, role = "Member" }, new { userId = contact, role = "SiteContact" } } };
        var saved = await OkAsync(await SendAsync(leader, HttpMethod.Put, $"/api/projects/{code}/members", good, Version(project)));
        saved["members"]!.AsArray().Select(m => $"{m!["displayName"]}:{m["role"]}").Order().ShouldBe(["刘芳菲:SiteContact", "周明远:Lead", "赵一帆:Member"]);

        // A smaller team replaces the whole list; the version read before the first save is stale now.
        var smaller = new { members = new object[] { new { userId = chief, role = "Lead" } } };
        await ProblemAsync(await SendAsync(leader, HttpMethod.Put, $"/api/projects/{code}/members", smaller, Version(project)), HttpStatusCode.PreconditionFailed);
        saved = await OkAsync(await SendAsync(leader, HttpMethod.Put, $"/api/projects/{code}/members", smaller, Version(saved)));
        saved["members"]!.AsArray().Select(m => m!["displayName"]!.GetValue<string>()).ShouldBe(["周明远"]);
    }

    [Fact]
    public async Task An_enterprise_user_reads_only_its_own_enterprises_project_and_changes_nothing()
    {
        var enterprise = await factory.ClientForAsync("enterprise");
        var list = await OkAsync(await enterprise.GetAsync("/api/projects", Ct));
        list["total"]!.GetValue<int>().ShouldBe(1);
        var own = list["items"]!.AsArray().Single()!;
        own["ownerName"]!.GetValue<string>().ShouldBe("平顶山凤翔环保科技有限公司");
        var detail = await GetAsync(enterprise, own["code"]!.GetValue<string>());
        detail["canEdit"]!.GetValue<bool>().ShouldBeFalse();
        detail["members"]!.AsArray().ShouldContain(m => m!["displayName"]!.GetValue<string>() == "刘芳菲" && m["role"]!.GetValue<string>() == "SiteContact");
        await ProblemAsync(await SendAsync(enterprise, HttpMethod.Put, $"/api/projects/{own["code"]}/investments/2026/10", new { amount = 1 }, Version(detail)), HttpStatusCode.Forbidden);

        var leader = await factory.ClientForAsync("leader");
        var someoneElses = (await FindAsync(leader, "永邦"))["code"]!.GetValue<string>();
        await ProblemAsync(await enterprise.GetAsync($"/api/projects/{someoneElses}", Ct), HttpStatusCode.Forbidden);
        await ProblemAsync(await enterprise.GetAsync("/api/projects/three-batches?year=2026", Ct), HttpStatusCode.Forbidden);
        (await CountAsync(await factory.ClientForAsync("citizen"), "")).ShouldBe(0);
    }

    /// <summary>A scope acting as the demo admin, as the edit page calls the register.</summary>
    private async Task<AsyncServiceScope> AdminScopeAsync()
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
        var (adminId, _) = await CaseSteps.AccountAsync(factory.Services, "admin");
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.NameIdentifier, adminId.ToString()), new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim(PlatformClaims.ZoneId, zone.ToString()),
        ], authenticationType: "test")));
        return scope;
    }

    [Fact]
    public async Task An_owner_picked_from_the_registry_links_the_project_to_its_enterprise_and_the_leader_must_be_a_staff_account_of_the_zone()
    {
        const string Fengxiang = "平顶山凤翔环保科技有限公司";
        var admin = await factory.ClientForAsync("admin");
        // The owner picker searches the zone's registry (by name or credit code); another zone's registry has no such enterprise.
        var owners = (await OkAsync(await admin.GetAsync("/api/projects/owners?search=" + Uri.EscapeDataString("凤翔"), Ct))).AsArray();
        var ownerId = owners.Single(o => o!["name"]!.GetValue<string>() == Fengxiang)!["id"]!.GetValue<Guid>();
        (await OkAsync(await (await factory.ClientForAsync("b-admin")).GetAsync("/api/projects/owners?search=" + Uri.EscapeDataString("凤翔"), Ct))).AsArray().ShouldBeEmpty();
        await ProblemAsync(await (await factory.ClientForAsync("grid")).GetAsync("/api/projects/owners", Ct), HttpStatusCode.Forbidden);

        // The leader picker lists the zone's leaders and department staff only.
        var (leaderId, _) = await CaseSteps.AccountAsync(factory.Services, "leader");
        var (deptId, _) = await CaseSteps.AccountAsync(factory.Services, "dept");
        var (gridId, _) = await CaseSteps.AccountAsync(factory.Services, "grid");
        var (enterpriseUserId, _) = await CaseSteps.AccountAsync(factory.Services, "enterprise");
        var (foreignLeaderId, _) = await CaseSteps.AccountAsync(factory.Services, "b-leader");
        var leaders = (await OkAsync(await admin.GetAsync("/api/projects/leaders", Ct))).AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToList();
        leaders.ShouldContain(leaderId);
        leaders.ShouldContain(deptId);
        leaders.ShouldNotContain(gridId);
        leaders.ShouldNotContain(enterpriseUserId);
        leaders.ShouldNotContain(foreignLeaderId);

        // The edit page's call: the registry's name and the account's name replace what was typed.
        ProjectDetail made;
        await using (var scope = await AdminScopeAsync())
        {
            var register = scope.ServiceProvider.GetRequiredService<ProjectRegister>();
            made = await register.CreateAsync(new ProjectInput
            {
                Name = "测试凤翔环保扩产项目", Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing, SignedOn = new DateOnly(2026, 9, 1),
                TotalInvestment = 800, OwnerEnterpriseId = ownerId, OwnerName = "凤翔环保（手填）", ResponsibleLeaderUserId = leaderId, ResponsibleLeader = "周领导",
            }, Ct);
            (made.OwnerEnterpriseId, made.OwnerName, made.ResponsibleLeaderUserId, made.ResponsibleLeader).ShouldBe((ownerId, Fengxiang, leaderId, "周明远"));

            // A grid worker is no 分包领导: refused naming the field, nothing saved.
            var refused = await Should.ThrowAsync<ValidationFailedException>(() => register.UpdateAsync(made.Code, new ProjectInput
            {
                Name = made.Name, Level = made.Level, Category = made.Category, SignedOn = made.SignedOn, TotalInvestment = made.TotalInvestment,
                OwnerEnterpriseId = ownerId, ResponsibleLeaderUserId = gridId, Version = made.Version,
            }, null, Ct));
            refused.Errors.Keys.ShouldBe(["responsibleLeaderUserId"]);
        }

        // The enterprise's own user now sees the project (it is linked, not only named).
        var enterprise = await factory.ClientForAsync("enterprise");
        (await GetAsync(enterprise, made.Code))["ownerEnterpriseId"]!.GetValue<Guid>().ShouldBe(ownerId);

        // Over the API the same checks: an enterprise user or another zone's leader as leader, another zone's enterprise as owner.
        var foreign = await EnterpriseSeeds.AddAsync(factory, "洛阳测试业主有限公司" + Guid.NewGuid().ToString("N")[..6], [], division: "410371");
        object Edit(Guid? owner, Guid? leader, string? ownerName = null) => new
        {
            name = made.Name, level = "Zone", category = "AdvancedManufacturing", totalInvestment = 800, signedOn = "2026-09-01",
            ownerEnterpriseId = owner, ownerName, responsibleLeaderUserId = leader, responsibleLeader = "周领导",
        };
        foreach (var (body, field) in new[]
        {
            (Edit(ownerId, enterpriseUserId), "responsibleLeaderUserId"), (Edit(ownerId, foreignLeaderId), "responsibleLeaderUserId"),
            (Edit(foreign.Id, leaderId), "ownerEnterpriseId"),
        })
        {
            Errors(await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{made.Code}", body, made.Version))).Select(e => e.Key).ShouldBe([field]);
        }
        var unchanged = await GetAsync(admin, made.Code);
        (Version(unchanged), unchanged["responsibleLeaderUserId"]!.GetValue<Guid>(), unchanged["ownerEnterpriseId"]!.GetValue<Guid>()).ShouldBe((made.Version, leaderId, ownerId));

        // A department clerk as leader is fine; an owner typed by name only is no longer the enterprise's project.
        var edited = await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{made.Code}", Edit(null, deptId, "新投资方（未入库）"), made.Version));
        (edited["ownerEnterpriseId"], edited["ownerName"]!.GetValue<string>(), edited["responsibleLeader"]!.GetValue<string>()).ShouldBe((null, "新投资方（未入库）", "陈思雨"));
        await ProblemAsync(await enterprise.GetAsync($"/api/projects/{made.Code}", Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Phases_advance_in_order_and_a_day_before_the_previous_phase_is_refused_naming_its_field()
    {
        var admin = await factory.ClientForAsync("b-admin");
        var project = await CreateAsync(admin, "测试阶段推进项目", "2025-03-02");
        var code = project["code"]!.GetValue<string>();
        Task<HttpResponseMessage> Advance(string phase, string? day, int version) =>
            SendAsync(admin, HttpMethod.Post, $"/api/projects/{code}/advance", new { phase, reachedOn = day, reason = "现场核实" }, version);

        var v = Version(project);
        Errors(await ProblemAsync(await Advance("Started", "2025-03-01", v))).Select(e => e.Key).ShouldBe(["startedOn"]);
        Errors(await ProblemAsync(await Advance("Completed", "2025-06-01", v))).Select(e => e.Key).ShouldBe(["phase"]);
        Errors(await ProblemAsync(await Advance("Started", null, v))).Select(e => e.Key).ShouldBe(["startedOn"]);
        Errors(await ProblemAsync(await Advance("Started", "2026-12-01", v))).Select(e => e.Key).ShouldBe(["startedOn"]);
        (await GetAsync(admin, code))["phase"]!.GetValue<string>().ShouldBe("Signed");

        project = await OkAsync(await Advance("Started", "2025-04-01", v));
        project = await OkAsync(await Advance("UnderConstruction", null, Version(project)));
        Errors(await ProblemAsync(await Advance("Completed", "2025-03-31", Version(project)))).Select(e => e.Key).ShouldBe(["completedOn"]);
        project = await OkAsync(await Advance("Completed", "2025-09-30", Version(project)));
        Errors(await ProblemAsync(await Advance("InProduction", "2025-09-29", Version(project)))).Select(e => e.Key).ShouldBe(["inProductionOn"]);
        project = await OkAsync(await Advance("InProduction", "2025-10-20", Version(project)));
        Errors(await ProblemAsync(await Advance("Started", "2025-10-21", Version(project)))).Select(e => e.Key).ShouldBe(["phase"]);

        project["phase"]!.GetValue<string>().ShouldBe("InProduction");
        project["timeline"]!.AsArray().Select(s => $"{s!["phase"]}:{s["reachedOn"]}")
            .ShouldBe(["Signed:2025-03-02", "Started:2025-04-01", "UnderConstruction:", "Completed:2025-09-30", "InProduction:2025-10-20"]);
        (await ProblemAsync(await Advance("InProduction", "2025-10-20", 1), HttpStatusCode.BadRequest)).ShouldNotBeNull();
    }

    /// <summary>The newspaper's sentence is the specification: "28个省、市重点项目中，11个计划新开工项目已全部开工，累计开工项目达31个；11个项目竣工投产".</summary>
    [Fact]
    public async Task The_demo_zones_three_batches_for_2026_are_the_newspapers_figures()
    {
        var leader = await factory.ClientForAsync("leader");
        var report = await OkAsync(await leader.GetAsync("/api/projects/three-batches?year=2026", Ct));
        report["keyProjects"]!.GetValue<int>().ShouldBe(28);
        report["total"]!["startedCount"]!.GetValue<int>().ShouldBe(11);
        report["startedToDate"]!.GetValue<int>().ShouldBe(31);
        report["total"]!["completedCount"]!.GetValue<int>().ShouldBe(11);
        // "已全部开工": the year's planned new starts are all started.
        report["target"]!["startedCount"]!.GetValue<int>().ShouldBe(11);
        report["asOf"]!.GetValue<string>().ShouldBe("2026-11-25");

        // The register's list agrees: 28 provincial or municipal projects, 11 in production.
        ((await CountAsync(leader, "level=Provincial")) + (await CountAsync(leader, "level=Municipal"))).ShouldBe(28);
        (await CountAsync(leader, "phase=InProduction")).ShouldBe(11);
        (await CountAsync(leader, "phase=Signed")).ShouldBe(await CountAsync(leader, "") - 31);
        // The quarters and months add up to the year.
        var quarters = report["quarters"]!.AsArray();
        quarters.Sum(q => q!["startedCount"]!.GetValue<int>()).ShouldBe(11);
        report["months"]!.AsArray().Sum(m => m!["investment"]!.GetValue<decimal>()).ShouldBe(report["total"]!["investment"]!.GetValue<decimal>());

        var export = await leader.GetAsync("/api/projects/three-batches/export?year=2026", Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var list = await leader.GetAsync("/api/projects/export?level=Provincial", Ct);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await list.Content.ReadAsByteArrayAsync(Ct)).Take(2).ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task A_hand_made_quarter_counts_signed_started_completed_and_investment_against_the_targets()
    {
        var admin = await factory.ClientForAsync("b-admin");
        async Task<JsonNode> ReportAsync() => await OkAsync(await admin.GetAsync("/api/projects/three-batches?year=2026", Ct));
        JsonNode Quarter(JsonNode r, int q) => r["quarters"]!.AsArray()[q - 1]!;
        var before = await ReportAsync();

        // A: signed in Q2, started in Q3, 120 + 80.5 invested in July and August.
        var a = await CreateAsync(admin, "测试季度项目甲", "2026-04-10");
        var codeA = a["code"]!.GetValue<string>();
        a = await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/projects/{codeA}/advance", new { phase = "Started", reachedOn = "2026-07-06" }, Version(a)));
        a = await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{codeA}/investments/2026/7", new { amount = 120 }, Version(a)));
        await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{codeA}/investments/2026/8", new { amount = 80.5 }, Version(a)));
        // B: signed and started in Q2 (300 in June), completed and in production in Q3 (50 in September).
        var b = await CreateAsync(admin, "测试季度项目乙", "2026-05-20");
        var codeB = b["code"]!.GetValue<string>();
        foreach (var (phase, day) in new[] { ("Started", "2026-06-01"), ("UnderConstruction", (string?)null), ("Completed", "2026-08-31"), ("InProduction", "2026-09-15") })
            b = await OkAsync(await SendAsync(admin, HttpMethod.Post, $"/api/projects/{codeB}/advance", new { phase, reachedOn = day }, Version(b)));
        b = await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{codeB}/investments/2026/6", new { amount = 300 }, Version(b)));
        await OkAsync(await SendAsync(admin, HttpMethod.Put, $"/api/projects/{codeB}/investments/2026/9", new { amount = 50 }, Version(b)));
        // C: signed in Q3, not started.
        await CreateAsync(admin, "测试季度项目丙", "2026-08-03");

        var after = await ReportAsync();
        int Delta(int q, string figure) => Quarter(after, q)[figure]!.GetValue<int>() - Quarter(before, q)[figure]!.GetValue<int>();
        decimal Invested(JsonNode r, int q) => Quarter(r, q)["investment"]!.GetValue<decimal>();
        (Delta(2, "signedCount"), Delta(2, "startedCount"), Delta(2, "completedCount")).ShouldBe((2, 1, 0));
        (Invested(after, 2) - Invested(before, 2)).ShouldBe(300m);
        (Delta(3, "signedCount"), Delta(3, "startedCount"), Delta(3, "completedCount")).ShouldBe((1, 1, 1));
        (Invested(after, 3) - Invested(before, 3)).ShouldBe(250.5m);
        (after["months"]!.AsArray()[8]!["completedCount"]!.GetValue<int>() - before["months"]!.AsArray()[8]!["completedCount"]!.GetValue<int>()).ShouldBe(1);
        (Delta(1, "signedCount") + Delta(4, "signedCount")).ShouldBe(0);

        // Targets: only an administrator sets them; a stale If-Match is a 412.
        var leader = await factory.ClientForAsync("b-leader");
        var targets = new { signedCount = 3, startedCount = 2, completedCount = 1, investment = 1000, reason = "年度目标责任书" };
        await ProblemAsync(await SendAsync(leader, HttpMethod.Put, "/api/projects/three-batches/targets/2026", targets), HttpStatusCode.Forbidden);
        var saved = await OkAsync(await SendAsync(admin, HttpMethod.Put, "/api/projects/three-batches/targets/2026", targets));
        Errors(await ProblemAsync(await SendAsync(admin, HttpMethod.Put, "/api/projects/three-batches/targets/2026", new { signedCount = -1, startedCount = 2, completedCount = 1, investment = -1 }, saved["version"]!.GetValue<int>())))
            .Select(e => e.Key).Order().ShouldBe(["investment", "signedCount"]);
        var changed = await OkAsync(await SendAsync(admin, HttpMethod.Put, "/api/projects/three-batches/targets/2026", targets with { investment = 1200 }, saved["version"]!.GetValue<int>()));
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, "/api/projects/three-batches/targets/2026", targets, saved["version"]!.GetValue<int>()), HttpStatusCode.PreconditionFailed);
        var report = await ReportAsync();
        report["target"]!["startedCount"]!.GetValue<int>().ShouldBe(2);
        report["target"]!["investment"]!.GetValue<decimal>().ShouldBe(1200m);
        changed["version"]!.GetValue<int>().ShouldBeGreaterThan(saved["version"]!.GetValue<int>());
    }
}

public sealed class ProjectRegisterOnSqlite(CasesSqliteFactory factory) : ProjectRegisterBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class ProjectRegisterOnPostgres(CasesPostgresFactory factory) : ProjectRegisterBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
