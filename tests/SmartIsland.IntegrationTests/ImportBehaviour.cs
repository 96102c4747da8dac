using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SmartIsland.Enterprises.Features;
using SmartIsland.IntegrationTests.Support;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.IntegrationTests;

/// <summary>Excel import of the enterprise ledger, on both databases.</summary>
public abstract class ImportBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static string Code()
    {
        var first17 = "91410100MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
    }

    private static Dictionary<string, object?> Row(string? code, string? name, string industry = "C3825", string? park = null, object? revenue = null, int? year = 2025) => new()
    {
        ["统一社会信用代码"] = code, ["企业名称"] = name, ["行业代码"] = industry, ["所属园区"] = park,
        ["年度"] = year, ["营业收入（万元）"] = revenue, ["职工人数"] = 120,
    };

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows.ToList());
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string mode = "AllOrNothing", string fileName = "ledger.xlsx")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.PostAsync($"/api/enterprises/import?mode={mode}", form, Ct);
    }

    private async Task<int> CountAsync(HttpClient client, string search) =>
        (await client.GetFromJsonAsync<Paged<EnterpriseListItem>>($"/api/enterprises?search={search}", Json, Ct))!.Total;

    /// <summary>Rows 2 and 5 are good; 3, 4 and 6 are bad (row 6 twice). Excel row 1 is the header.</summary>
    private static (byte[] File, string Good1, string Good2) MixedFile()
    {
        string good1 = Code(), good2 = Code();
        var file = Xlsx(
        [
            Row(good1, "导入测试甲有限公司", revenue: 1234.5),
            Row("914403001922038217", "校验位错误有限公司"),
            Row(Code(), null),
            Row(good2, "导入测试乙有限公司", park: "电气装备产业园区", revenue: 88),
            Row(Code(), "负数营收有限公司", park: "不存在的园区", revenue: -5),
        ]);
        return (file, good1, good2);
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_reports_every_bad_row()
    {
        var dept = await factory.ClientForAsync("dept");
        var (file, good1, good2) = MixedFile();
        var response = await UploadAsync(dept, file);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString()))
            .OrderBy(r => r.Item1).ThenBy(r => r.Item2, StringComparer.Ordinal).ToList();
        rows.ShouldBe(new List<(int, string?)>
        {
            (3, "统一社会信用代码"),
            (4, "企业名称"),
            (6, "所属园区"),
            (6, "营业收入（万元）"),
        }.OrderBy(r => r.Item1).ThenBy(r => r.Item2, StringComparer.Ordinal).ToList());
        (await CountAsync(dept, good1)).ShouldBe(0);
        (await CountAsync(dept, good2)).ShouldBe(0);
    }

    [Fact]
    public async Task Choosing_valid_rows_only_imports_them_and_still_reports_the_bad_ones()
    {
        var dept = await factory.ClientForAsync("dept");
        var (file, good1, good2) = MixedFile();
        var response = await UploadAsync(dept, file, "ValidRowsOnly");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>(Json, Ct))!;
        report.Written.ShouldBeTrue();
        report.EnterprisesCreated.ShouldBe(2);
        report.IndicatorsCreated.ShouldBe(2);
        report.Errors.Count.ShouldBe(4);

        var list = await dept.GetFromJsonAsync<Paged<EnterpriseListItem>>($"/api/enterprises?search={good2}", Json, Ct);
        list!.Items.Single().ParkName.ShouldBe("电气装备产业园区");
        var detail = await dept.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{list.Items[0].Id}", Json, Ct);
        detail!.Indicators.Single().Revenue.ShouldBe(880_000m); // 88 万元
        (await CountAsync(dept, good1)).ShouldBe(1);

        // Bulk-inserted rows are audited one by one and sealed into the same hash chain.
        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Enterprise&entityId={list.Items[0].Id}", Ct);
        var entry = audit.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("action").GetString().ShouldBe("Create");
        entry.GetProperty("userName").GetString().ShouldBe("dept");
        entry.GetProperty("reason").GetString()!.ShouldStartWith("Excel import ledger.xlsx");
        entry.GetProperty("after").GetString()!.ShouldContain(good2);
        (await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct)).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Importing_the_same_ledger_again_updates_instead_of_duplicating()
    {
        var dept = await factory.ClientForAsync("dept");
        var code = Code();
        (await UploadAsync(dept, Xlsx([Row(code, "重复导入有限公司", revenue: 10)]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await UploadAsync(dept, Xlsx([Row(code, "重复导入有限公司（更名）", revenue: 20), Row(code, "重复导入有限公司（更名）", revenue: 15, year: 2024)]));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await again.Content.ReadFromJsonAsync<ImportReport>(Json, Ct))!;
        (report.EnterprisesCreated, report.IndicatorsCreated, report.IndicatorsUpdated).ShouldBe((0, 1, 1));
        var list = await dept.GetFromJsonAsync<Paged<EnterpriseListItem>>($"/api/enterprises?search={code}", Json, Ct);
        list!.Total.ShouldBe(1);
        list.Items[0].Name.ShouldBe("重复导入有限公司（更名）");
    }

    [Fact]
    public async Task A_file_that_is_not_excel_is_refused_naming_the_field()
    {
        var dept = await factory.ClientForAsync("dept");
        var response = await UploadAsync(dept, "统一社会信用代码,企业名称\n"u8.ToArray(), fileName: "ledger.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_upload_over_20_MB_is_refused_with_413_naming_the_field()
    {
        var dept = await factory.ClientForAsync("dept");
        var big = new byte[21 * 1024 * 1024];
        big[0] = (byte)'P'; big[1] = (byte)'K'; big[2] = 3; big[3] = 4;
        var response = await UploadAsync(dept, big);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("file");
    }

    [Fact]
    public async Task Roles_that_do_not_register_enterprises_cannot_import()
    {
        var leader = await factory.ClientForAsync("leader");
        var response = await UploadAsync(leader, Xlsx([Row(Code(), "越权导入有限公司")]));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_tier_figures_import_in_10k_yuan_and_a_part_above_its_whole_is_named_by_row_and_column()
    {
        var dept = await factory.ClientForAsync("dept");
        string good = Code(), bad = Code();
        var goodRow = Row(good, "梯度指标导入有限公司", revenue: 3000);
        goodRow["主营业务收入（万元）"] = 2800;
        goodRow["成本费用支出总额（万元）"] = 2500;
        goodRow["研发费用（万元）"] = 150;
        goodRow["境内研发费用（万元）"] = 140;
        goodRow["净利润（万元）"] = -80; // a loss
        goodRow["资产总额（万元）"] = 900;
        goodRow["负债总额（万元）"] = 1200; // insolvent, still reported
        goodRow["研发人员"] = 20;
        goodRow["科技成果转化（件）"] = 2;
        var badRow = Row(bad, "研发超成本有限公司", revenue: 100);
        badRow["成本费用支出总额（万元）"] = 90;
        badRow["研发费用（万元）"] = 95;
        badRow["研发人员"] = 121; // 职工人数 is 120
        badRow["主营业务收入（万元）"] = -1;
        foreach (var key in goodRow.Keys.Except(badRow.Keys).ToList()) badRow[key] = null; // one header row for both
        var file = Xlsx([goodRow, badRow]);

        var refused = await UploadAsync(dept, file);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rows = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).Order().ToList();
        rows.ShouldBe(new List<(int, string?)> { (3, "主营业务收入（万元）"), (3, "研发人员"), (3, "研发费用（万元）") }.Order().ToList());

        (await UploadAsync(dept, file, "ValidRowsOnly")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await dept.GetFromJsonAsync<Paged<EnterpriseListItem>>($"/api/enterprises?search={good}", Json, Ct);
        var year = (await dept.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{list!.Items.Single().Id}", Json, Ct))!.Indicators.Single();
        (year.MainBusinessRevenue, year.TotalCost, year.DomesticRdExpense, year.NetProfit).ShouldBe((28_000_000m, 25_000_000m, 1_400_000m, -800_000m));
        (year.TotalAssets, year.TotalLiabilities, year.RdStaff, year.TechConversions).ShouldBe((9_000_000m, 12_000_000m, 20, 2));
        (await CountAsync(dept, bad)).ShouldBe(0);
    }

    [Fact]
    public async Task A_reviewed_year_is_not_overwritten_by_the_ledger()
    {
        var dept = await factory.ClientForAsync("dept");
        var code = Code();
        (await UploadAsync(dept, Xlsx([Row(code, "锁定年度导入有限公司", revenue: 10)]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await dept.GetFromJsonAsync<Paged<EnterpriseListItem>>($"/api/enterprises?search={code}", Json, Ct))!.Items.Single().Id;
        var v = (await dept.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{id}", Json, Ct))!.Indicators.Single().Version;
        (await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2025/submit", new IndicatorStepInput { Version = v }, Ct)).EnsureSuccessStatusCode();
        (await dept.PostAsJsonAsync($"/api/enterprises/{id}/indicators/2025/review", new IndicatorStepInput { Version = v + 1 }, Ct)).EnsureSuccessStatusCode();

        var again = await UploadAsync(dept, Xlsx([Row(code, "锁定年度导入有限公司", revenue: 99)]));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rows").EnumerateArray().Single();
        (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()).ShouldBe((2, "年度"));
        (await dept.GetFromJsonAsync<EnterpriseDetail>($"/api/enterprises/{id}", Json, Ct))!.Indicators.Single().Revenue.ShouldBe(100_000m);
    }

    [Fact]
    public async Task The_template_downloads_as_xlsx_with_every_column()
    {
        var dept = await factory.ClientForAsync("dept");
        var response = await dept.GetAsync("/api/enterprises/import/template", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var headers = MiniExcel.GetColumns(stream, useHeaderRow: true).ToList();
        headers.ShouldBe(ImportColumns.All.Select(c => c.Chinese).ToList());
    }
}

public sealed class ImportOnSqlite(SqliteFactory factory) : ImportBehaviour<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class ImportOnPostgres(PostgresFactory factory) : ImportBehaviour<PostgresFactory>(factory), IClassFixture<PostgresFactory>;
