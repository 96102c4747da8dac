using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Weekly;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// The weekly meeting pack as a PDF (issue 6 §4 "as a page and an Excel/PDF export") over HTTP on both databases, read
/// back with poppler's pdftotext (./test.sh installs poppler-utils): the demo's week of 2026-11-25 as the JSON pack has it.
/// </summary>
public abstract class WeeklyPackPdfBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_pdf_holds_the_weeks_title_range_and_every_lagging_project_with_numbered_pages_and_is_audited()
    {
        var leader = await factory.ClientForAsync("leader");
        var pack = (await leader.GetFromJsonAsync<WeeklyPack>("/api/projects/weekly?week=2026-11-25", Json, Ct))!;
        var lagging = pack.Parks.SelectMany(s => s.Lagging).ToList();
        lagging.ShouldNotBeEmpty("the demo week should have lagging projects to put in the pack");

        var response = await leader.GetAsync("/api/projects/weekly/pdf?week=2026-11-25", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("weekly-2026-11-23.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        var pages = await PdfPagesAsync(pdf);
        pages.Count.ShouldBeGreaterThanOrEqualTo(1);
        // Compared without white space: in drawing order poppler drops the spaces between Chinese characters and
        // breaks a long name where its cell wraps it.
        var text = Squeeze(string.Join("", pages));
        text.ShouldContain("周例会材料");
        text.ShouldContain(Squeeze("2026-11-23 至 2026-11-29"));
        foreach (var p in lagging)
        {
            text.ShouldContain(p.Code);
            text.ShouldContain(Squeeze(p.Name));
        }
        // Each page says which of how many it is.
        for (var i = 0; i < pages.Count; i++) Squeeze(pages[i]).ShouldContain($"第{i + 1}页/共{pages.Count}页");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.AuditLog.IgnoreQueryFilters().CountAsync(a => a.Action == "Export" && a.EntityType == "WeeklyPack" && a.EntityId == "2026-11-23" && a.After!.Contains("pdf"), Ct))
            .ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_pdf_takes_the_excel_exports_parameter_and_refuses_the_same_way()
    {
        var leader = await factory.ClientForAsync("leader");
        var bad = await leader.GetAsync("/api/projects/weekly/pdf?week=next-monday", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["week"]);
        (await (await factory.ClientForAsync("citizen")).GetAsync("/api/projects/weekly/pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // ISO week form, as the Excel export takes it.
        var iso = await leader.GetAsync("/api/projects/weekly/pdf?week=2026-W48", Ct);
        iso.StatusCode.ShouldBe(HttpStatusCode.OK);
        iso.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("weekly-2026-11-23.pdf");
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The PDF's text page by page in drawing order (-raw: a wrapped cell's lines stay together; pages end with a form feed).</summary>
    private static async Task<List<string>> PdfPagesAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf, Ct);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            process.ExitCode.ShouldBe(0);
            return text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class WeeklyPackPdfOnSqlite(CasesSqliteFactory factory) : WeeklyPackPdfBehaviour<CasesSqliteFactory>(factory), IClassFixture<CasesSqliteFactory>;

public sealed class WeeklyPackPdfOnPostgres(CasesPostgresFactory factory) : WeeklyPackPdfBehaviour<CasesPostgresFactory>(factory), IClassFixture<CasesPostgresFactory>;
