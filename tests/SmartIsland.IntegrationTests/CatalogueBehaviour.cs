using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Catalogue;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// The service catalogue through the API on both databases: items with every element checked, concurrency, the
/// own-department rule, import/export round trips, all-or-nothing imports and bundle merging. Each test makes its own
/// codes (a random suffix), so the demo catalogue and the other tests never meet its data.
/// </summary>
public abstract class CatalogueBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = CatalogueDocument.Json;
    private const string CityDepartment = "城市管理和综合执法局"; // the `dept` account's department
    private const string TaxDepartment = "税务局";

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static MaterialEntry Material(string code, string name, params string[] licenceTypes) =>
        new() { Code = code, Name = name, Description = name + "（说明）", LicenceTypes = [.. licenceTypes] };

    private static JsonElement SignAreaRules() => JsonDocument.Parse("""
        { "title": { "zh": "门头招牌秒批", "en": "Shop sign auto-approval" },
          "conditions": [ { "key": "area", "title": { "zh": "招牌面积不超过20平方米", "en": "Sign area at most 20 m²" }, "cite": "C2",
                            "value": "form.signArea", "op": "<=", "threshold": "20", "unit": "count" } ] }
        """).RootElement.Clone();

    /// <summary>An item with every element filled, so a round trip that loses one is seen.</summary>
    private static ItemEntry Item(string code, string department, params (string Material, bool Required, bool Deferrable)[] materials) => new()
    {
        Code = code, Name = "门头招牌设置审批" + code, NameEn = "Shop sign permit " + code, Kind = ItemKind.AdministrativeLicence,
        Department = department, LegalBasis = "《城市市容和环境卫生管理条例》第十一条",
        Conditions = [new ItemRule("C1", "招牌设置符合规划"), new ItemRule("C2", "门头招牌面积不超过 20 平方米")],
        Prohibited = [new ItemRule("P1", "不得要求申请人提供营业执照以外的证明")],
        Steps = [new FlowStep("受理", "窗口", 1), new FlowStep("审查", "", 2), new FlowStep("决定", "科室负责人", 1)],
        FormFields =
        [
            new FormFieldDefinition("signArea", "招牌面积（平方米）", "Sign area (m²)", FieldKind.Number, true),
            new FormFieldDefinition("lit", "是否亮化", null, FieldKind.Choice, false, null, ["是", "否"]),
            new FormFieldDefinition("enterpriseName", "企业名称", null, FieldKind.Text, true, "enterprise.name"),
        ],
        StatutoryLimitDays = 20, PromisedLimitDays = 5, DeferralDays = 7, Fee = "不收费", Channels = Channels.Window | Channels.Online | Channels.NoVisit,
        Visits = 0, Place = "行政服务中心二楼 12 号窗口", Hours = "工作日 9:00-17:00", ContactPhone = "0375-1234567", ComplaintPhone = "12345",
        AutoApprovalRules = SignAreaRules(), Keywords = "门头 招牌", Published = true,
        Materials = materials.Select(m => new ItemMaterialEntry
        {
            Material = m.Material, Requirement = m.Required ? MaterialRequirement.Required : MaterialRequirement.Optional, Deferrable = m.Deferrable,
            Form = MaterialForm.Copy, Count = 2, Note = "加盖公章",
        }).ToList(),
    };

    private static async Task CreatedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created) throw new ShouldAssertException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static HashSet<string> ErrorKeys(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private async Task<(int Items, int Materials, int Bundles)> RowCountsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Set<ServiceItem>().IgnoreQueryFilters().CountAsync(Ct) + await db.Set<ItemMaterial>().IgnoreQueryFilters().CountAsync(Ct),
            await db.Set<Material>().IgnoreQueryFilters().CountAsync(Ct),
            await db.Set<Bundle>().IgnoreQueryFilters().CountAsync(Ct) + await db.Set<BundleItem>().IgnoreQueryFilters().CountAsync(Ct));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name) =>
        await client.PostAsync("/api/catalogue/import", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } }, Ct);

    private static async Task<ItemDetail> ItemAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<ItemDetail>($"/api/catalogue/items/{code}", Json, Ct))!;

    [Fact]
    public async Task An_item_with_bad_fields_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-A" + s, "营业执照"), Json, Ct));
        var item = Item("BAD" + s, "不存在的局", ("M-A" + s, true, false), ("M-NONE" + s, true, false), ("M-A" + s, false, false));
        item.PromisedLimitDays = 30; // over the statutory 20
        item.Conditions.Add(new ItemRule("C1", "重复编号"));
        item.FormFields.Add(new FormFieldDefinition("2bad", "坏键", null, FieldKind.Text, false));
        item.AutoApprovalRules = JsonDocument.Parse("""{ "conditions": [ { "key": "k", "value": "form.notAsked", "op": ">=", "threshold": "1", "unit": "count" } ] }""").RootElement;
        item.Materials[0].Count = 0;
        item.IssuesLicenceType = "no-such-licence";

        var problem = await ProblemAsync(await admin.PostAsJsonAsync("/api/catalogue/items", item, Json, Ct), HttpStatusCode.BadRequest);

        var keys = ErrorKeys(problem);
        keys.ShouldBe(new[]
        {
            "department", "promisedLimitDays", "conditions[2].code", "formFields[3].key", "autoApprovalRules",
            "materials[0].count", "materials[1].material", "materials[2].material", "issuesLicenceType",
        }, ignoreOrder: true);
        var material = await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-B" + s, "证明", "business-licence", "no-such-licence"), Json, Ct);
        ErrorKeys(await ProblemAsync(material, HttpStatusCode.BadRequest)).ShouldBe(["licenceTypes"]);
        problem.GetProperty("errors").GetProperty("autoApprovalRules")[0].GetString()!.ShouldContain("form.notAsked");
        (await admin.GetAsync($"/api/catalogue/items/BAD{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_item_is_created_read_and_changed_with_its_materials_and_a_stale_version_gets_409()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-L" + s, "营业执照", "business-licence"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-P" + s, "招牌设计图"), Json, Ct));
        var item = Item("IT" + s, CityDepartment, ("M-L" + s, true, false), ("M-P" + s, true, true));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", item, Json, Ct));

        var read = await ItemAsync(admin, "IT" + s);
        JsonSerializer.Serialize(read.Item, Json).ShouldBe(JsonSerializer.Serialize(item, Json));
        read.MaterialNames["M-P" + s].ShouldBe("招牌设计图");
        read.DepartmentId.ShouldNotBeNull();

        item.Name = "门头招牌设置审批（改）";
        item.Materials.RemoveAt(0);
        item.Materials[0].Deferrable = false;
        var changed = await admin.PutAsJsonAsync($"/api/catalogue/items/IT{s}?version={read.Version}&reason=test", item, Json, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        var after = await ItemAsync(admin, "IT" + s);
        after.Version.ShouldBe(read.Version + 1);
        after.Item.Name.ShouldBe("门头招牌设置审批（改）");
        after.Item.Materials.Select(m => (m.Material, m.Deferrable)).ShouldBe([("M-P" + s, false)]);

        item.Name = "另一个人的修改";
        var stale = await admin.PutAsJsonAsync($"/api/catalogue/items/IT{s}?version={read.Version}&reason=test", item, Json, Ct);
        (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("field").GetString().ShouldBe("version");
        (await ItemAsync(admin, "IT" + s)).Item.Name.ShouldBe("门头招牌设置审批（改）");

        var noReason = await admin.PutAsJsonAsync($"/api/catalogue/items/IT{s}?version={after.Version}", item, Json, Ct);
        ErrorKeys(await ProblemAsync(noReason, HttpStatusCode.BadRequest)).ShouldContain("reason");
    }

    [Fact]
    public async Task Department_staff_keep_only_their_own_departments_items()
    {
        var admin = await factory.ClientForAsync("admin");
        var dept = await factory.ClientForAsync("dept");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-D" + s, "身份证"), Json, Ct));

        var other = await dept.PostAsJsonAsync("/api/catalogue/items", Item("TAX" + s, TaxDepartment, ("M-D" + s, true, false)), Json, Ct);
        (await ProblemAsync(other, HttpStatusCode.Forbidden)).GetRawText().ShouldContain("catalogue.edit.own-department");

        await CreatedAsync(await dept.PostAsJsonAsync("/api/catalogue/items", Item("OWN" + s, CityDepartment, ("M-D" + s, true, false)), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("ADM" + s, TaxDepartment, ("M-D" + s, true, false)), Json, Ct));
        var taxItem = await ItemAsync(dept, "ADM" + s);
        taxItem.CanEdit.ShouldBeFalse();
        var edit = await dept.PutAsJsonAsync($"/api/catalogue/items/ADM{s}?version={taxItem.Version}&reason=test", taxItem.Item, Json, Ct);
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Everyone on the staff reads; an enterprise user does not.
        (await (await factory.ClientForAsync("grid")).GetAsync($"/api/catalogue/items/OWN{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await factory.ClientForAsync("enterprise")).GetAsync($"/api/catalogue/items/OWN{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_item_with_applications_is_unpublished_instead_of_deleted_and_one_without_is_deleted()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("M-X" + s, "申请书"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("USED" + s, CityDepartment, ("M-X" + s, true, false)), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("FREE" + s, CityDepartment, ("M-X" + s, true, false)), Json, Ct));
        var used = await ItemAsync(admin, "USED" + s);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var zone = await EnterpriseSeeds.ZoneIdAsync(factory);
            db.UseZone(zone);
            db.Add(new Application
            {
                ZoneId = zone, Number = "T" + s, ItemId = used.Id, ItemCode = used.Item.Code, ItemName = used.Item.Name, DepartmentName = CityDepartment,
                ApplicantKey = "91410400MA00000000", ApplicantName = "测试申请人", SubmittedAt = DateTimeOffset.UtcNow,
            });
            db.AuditReason = "test: an application for the item";
            await db.SaveChangesAsync(Ct);
        }

        var removeUsed = await admin.DeleteAsync($"/api/catalogue/items/USED{s}?version={used.Version}&reason=test", Ct);
        removeUsed.StatusCode.ShouldBe(HttpStatusCode.OK, await removeUsed.Content.ReadAsStringAsync(Ct));
        var result = (await removeUsed.Content.ReadFromJsonAsync<ItemRemoval>(Json, Ct))!;
        (result.Deleted, result.Unpublished, result.Applications).ShouldBe((false, true, 1));
        (await ItemAsync(admin, "USED" + s)).Item.Published.ShouldBeFalse();

        var free = await ItemAsync(admin, "FREE" + s);
        var removeFree = await admin.DeleteAsync($"/api/catalogue/items/FREE{s}?version={free.Version}&reason=test", Ct);
        (await removeFree.Content.ReadFromJsonAsync<ItemRemoval>(Json, Ct))!.Deleted.ShouldBeTrue();
        (await admin.GetAsync($"/api/catalogue/items/FREE{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Three items sharing canonical materials; the expectation is counted here from what the test made.</summary>
    [Fact]
    public async Task A_bundle_merges_shared_materials_once_with_before_after_and_reduction()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        foreach (var (code, name) in new[] { ("B1", "营业执照"), ("B2", "法定代表人身份证"), ("B3", "场地证明"), ("B4", "消防验收意见") })
            await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material(code + s, name), Json, Ct));
        var items = new[]
        {
            Item("IA" + s, CityDepartment, ("B1" + s, true, false), ("B2" + s, false, true)),
            Item("IB" + s, TaxDepartment, ("B1" + s, true, true), ("B3" + s, true, true)),
            Item("IC" + s, CityDepartment, ("B2" + s, true, true), ("B3" + s, true, true), ("B4" + s, false, false)),
        };
        foreach (var item in items) await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", item, Json, Ct));
        var figuresBefore = (await admin.GetFromJsonAsync<CatalogueFigures>("/api/catalogue/figures", Json, Ct))!;

        var tooSmall = await admin.PostAsJsonAsync("/api/catalogue/bundles", new BundleEntry { Code = "ONE" + s, Name = "单事项", Items = ["IA" + s] }, Json, Ct);
        ErrorKeys(await ProblemAsync(tooSmall, HttpStatusCode.BadRequest)).ShouldBe(["items"]);

        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/bundles",
            new BundleEntry { Code = "BUN" + s, Name = "开办企业一件事", Items = ["IA" + s, "IB" + s, "IC" + s] }, Json, Ct));
        var bundle = (await admin.GetFromJsonAsync<BundleDetail>($"/api/catalogue/bundles/BUN{s}", Json, Ct))!;

        var asked = items.SelectMany(i => i.Materials).ToList();
        var distinct = asked.Select(m => m.Material).Distinct().ToList();
        bundle.Before.ShouldBe(asked.Count);   // 7
        bundle.After.ShouldBe(distinct.Count); // 4
        bundle.Reduction.ShouldBe((asked.Count - distinct.Count) / (decimal)asked.Count, 0.0001m);
        bundle.Merged.Select(m => m.Code).ShouldBe(distinct, ignoreOrder: true);
        foreach (var code in distinct)
        {
            var all = asked.Where(m => m.Material == code).ToList();
            var merged = bundle.Merged.Single(m => m.Code == code);
            merged.Required.ShouldBe(all.Any(m => m.Requirement == MaterialRequirement.Required), code);
            merged.Deferrable.ShouldBe(all.All(m => m.Deferrable), code);
            merged.ItemCodes.Count.ShouldBe(all.Count, code);
        }
        bundle.Items.Select(i => i.Code).ShouldBe(["IA" + s, "IB" + s, "IC" + s]);

        var figuresAfter = (await admin.GetFromJsonAsync<CatalogueFigures>("/api/catalogue/figures", Json, Ct))!;
        (figuresAfter.Bundles - figuresBefore.Bundles, figuresAfter.Before - figuresBefore.Before, figuresAfter.After - figuresBefore.After)
            .ShouldBe((1, asked.Count, distinct.Count));
    }

    /// <summary>Export → import of the same file changes nothing; the test's own entries renamed come back as equal copies.</summary>
    [Fact]
    public async Task A_json_export_imports_back_to_the_same_catalogue()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("J1" + s, "营业执照", "property-certificate"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("J2" + s, "租赁合同"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("JA" + s, CityDepartment, ("J1" + s, true, false), ("J2" + s, true, true)), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("JB" + s, TaxDepartment, ("J1" + s, false, false)), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/bundles", new BundleEntry { Code = "JX" + s, Name = "测试一件事", Items = ["JB" + s, "JA" + s] }, Json, Ct));

        var exported = await admin.GetStringAsync("/api/catalogue/export?format=json", Ct);
        var document = JsonSerializer.Deserialize<CatalogueDocument>(exported, Json)!;
        var counts = await RowCountsAsync();

        var again = await UploadAsync(admin, System.Text.Encoding.UTF8.GetBytes(exported), "catalogue.json");
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        var report = (await again.Content.ReadFromJsonAsync<CatalogueImportReport>(Json, Ct))!;
        (report.ItemsCreated, report.ItemsUpdated, report.MaterialsCreated, report.BundlesCreated).ShouldBe((0, document.Items.Count, 0, 0));
        (await RowCountsAsync()).ShouldBe(counts);
        (await admin.GetStringAsync("/api/catalogue/export?format=json", Ct)).ShouldBe(exported);

        // The test's own part under new codes: a copy equal in every field.
        var mine = new CatalogueDocument
        {
            Materials = document.Materials.Where(m => m.Code.EndsWith(s, StringComparison.Ordinal)).ToList(),
            Items = document.Items.Where(i => i.Code.EndsWith(s, StringComparison.Ordinal)).ToList(),
            Bundles = document.Bundles.Where(b => b.Code.EndsWith(s, StringComparison.Ordinal)).ToList(),
        };
        var copy = JsonSerializer.Serialize(mine, Json).Replace(s, s + "C", StringComparison.Ordinal);
        var imported = await UploadAsync(admin, System.Text.Encoding.UTF8.GetBytes(copy), "copy.json");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var copyReport = (await imported.Content.ReadFromJsonAsync<CatalogueImportReport>(Json, Ct))!;
        (copyReport.MaterialsCreated, copyReport.ItemsCreated, copyReport.BundlesCreated).ShouldBe((2, 2, 1));
        var original = await ItemAsync(admin, "JA" + s);
        var copied = await ItemAsync(admin, "JA" + s + "C");
        JsonSerializer.Serialize(copied.Item, Json).ShouldBe(JsonSerializer.Serialize(original.Item, Json).Replace(s, s + "C", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_excel_export_imports_back_to_the_same_catalogue()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("X1" + s, "营业执照", "business-licence", "id-card"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/materials", Material("X2" + s, "租赁合同"), Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", Item("XA" + s, CityDepartment, ("X1" + s, true, false), ("X2" + s, true, true)), Json, Ct));
        var plain = Item("XB" + s, TaxDepartment, ("X1" + s, false, false));
        plain.AutoApprovalRules = null;
        plain.FormFields.Clear();
        plain.Channels = Channels.None;
        plain.NameEn = null;
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/items", plain, Json, Ct));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/catalogue/bundles", new BundleEntry { Code = "XX" + s, Name = "测试一件事", Published = false, Items = ["XB" + s, "XA" + s] }, Json, Ct));

        var json = await admin.GetStringAsync("/api/catalogue/export?format=json", Ct);
        var xlsx = await admin.GetByteArrayAsync("/api/catalogue/export?format=xlsx", Ct);
        using (var stream = new MemoryStream(xlsx))
        {
            MiniExcel.GetSheetNames(stream).ShouldBe(["事项", "材料", "事项材料", "一件事"]);
        }
        var counts = await RowCountsAsync();

        var response = await UploadAsync(admin, xlsx, "catalogue.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await RowCountsAsync()).ShouldBe(counts);
        (await admin.GetStringAsync("/api/catalogue/export?format=json", Ct)).ShouldBe(json);
    }

    [Fact]
    public async Task A_json_import_with_broken_rows_reports_each_and_stores_nothing()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        var document = new CatalogueDocument
        {
            Materials = [Material("K1" + s, "营业执照"), Material("K2" + s, "")],
            Items =
            [
                Item("KA" + s, CityDepartment, ("K1" + s, true, false)),
                Item("KB" + s, "不存在的局", ("K1" + s, true, false)),
                Item("KC" + s, TaxDepartment, ("K9" + s, true, false)),
            ],
            Bundles = [new BundleEntry { Code = "KX" + s, Name = "一件事", Items = ["KA" + s, "KZ" + s] }],
        };
        var counts = await RowCountsAsync();

        var response = await UploadAsync(admin, JsonSerializer.SerializeToUtf8Bytes(document, Json), "broken.json");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        ErrorKeys(problem).ShouldBe(["materials[1].name", "items[1].department", "items[2].materials[0].material", "bundles[0].items"], ignoreOrder: true);
        var rows = problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("sheet").GetString(), r.GetProperty("row").GetInt32())).ToList();
        rows.ShouldContain(("items", 1));
        (await RowCountsAsync()).ShouldBe(counts);
        (await admin.GetAsync($"/api/catalogue/items/KA{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/catalogue/materials/K1{s}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_excel_import_with_broken_rows_names_sheet_row_and_column_and_stores_nothing()
    {
        var admin = await factory.ClientForAsync("admin");
        var s = Suffix();
        Dictionary<string, object?> ItemRow(string code, string department, object? visits) => CatalogueExcel.ItemColumns.ToDictionary(c => c.Header, c => c.Field switch
        {
            "code" => code, "name" => "户外促销审批" + code, "kind" => "行政许可", "department" => department, "legalBasis" => "测试依据",
            "statutoryLimitDays" => 10, "promisedLimitDays" => 3, "visits" => visits, "conditions" => "C1：场地不占用盲道", "steps" => "受理｜窗口｜1",
            "channels" => "窗口、网上", "published" => "是", _ => (object?)null,
        });
        var sheets = new Dictionary<string, object>
        {
            ["事项"] = new List<Dictionary<string, object?>> { ItemRow("EA" + s, CityDepartment, 1), ItemRow("EB" + s, "不存在的局", 1), ItemRow("EC" + s, CityDepartment, "两次") },
            ["材料"] = new List<Dictionary<string, object?>> { new() { ["编码"] = "E1" + s, ["名称"] = "场地使用证明", ["英文名称"] = null, ["说明"] = null, ["电子证照类型"] = null } },
            ["事项材料"] = new List<Dictionary<string, object?>>
            {
                new() { ["事项编码"] = "EA" + s, ["材料编码"] = "E1" + s, ["要求"] = "必要", ["容缺"] = "否", ["形式"] = "原件", ["份数"] = 1, ["备注"] = null },
                new() { ["事项编码"] = "EA" + s, ["材料编码"] = "E1" + s, ["要求"] = "必须", ["容缺"] = "否", ["形式"] = "原件", ["份数"] = 1, ["备注"] = null },
            },
            ["一件事"] = new List<Dictionary<string, object?>> { new() { ["编码"] = "EX" + s, ["名称"] = "测试", ["英文名称"] = null, ["说明"] = null, ["是否发布"] = "是", ["事项编码"] = "EA" + s + "、EC" + s } },
        };
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets);
        var counts = await RowCountsAsync();

        var problem = await ProblemAsync(await UploadAsync(admin, buffer.ToArray(), "broken.xlsx"), HttpStatusCode.BadRequest);

        // Excel rows count the header as row 1; EB is row 3, EC row 4; the second 事项材料 row repeats E1 with a bad 要求.
        ErrorKeys(problem).ShouldBe(["事项!R3.部门", "事项!R4.跑动次数", "事项材料!R3.要求", "事项材料!R3.材料编码"], ignoreOrder: true);
        (await RowCountsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task Only_an_administrator_imports_and_a_file_that_is_neither_json_nor_excel_is_refused()
    {
        var dept = await factory.ClientForAsync("dept");
        (await UploadAsync(dept, "{}"u8.ToArray(), "c.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await factory.ClientForAsync("admin");
        ErrorKeys(await ProblemAsync(await UploadAsync(admin, "编码,名称\n"u8.ToArray(), "c.csv"), HttpStatusCode.BadRequest)).ShouldBe(["file"]);
        var tooLarge = new byte[(int)CatalogueRules.MaxUploadBytes + 1];
        tooLarge[0] = (byte)'{';
        (await ProblemAsync(await UploadAsync(admin, tooLarge, "big.json"), HttpStatusCode.RequestEntityTooLarge)).GetProperty("field").GetString().ShouldBe("file");
    }
}

public sealed class CatalogueOnSqlite(SqliteFactory factory) : CatalogueBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class CatalogueOnPostgres(PostgresFactory factory) : CatalogueBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
