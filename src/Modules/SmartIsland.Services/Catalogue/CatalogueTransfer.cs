using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Services.Bundles;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// Export and import of the whole catalogue, as JSON (exactly <see cref="CatalogueDocument"/>) or as a workbook
/// (<see cref="CatalogueExcel"/>). Import upserts by code and is all-or-nothing: every row is checked first and the
/// report lists each problem by sheet, row and field; only a clean file is written, in one audited transaction.
/// </summary>
internal sealed partial class CatalogueTransfer(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, CatalogueWriter writer, IStringLocalizer<CatalogueStrings> l)
{
    public async Task<CatalogueDocument> ExportAsync(CancellationToken ct = default)
    {
        if (!CatalogueRules.CanRead(user)) throw new ForbiddenException(CatalogueRules.ReadRule, l["ForbiddenRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await DocumentAsync(db, ct);
    }

    public static async Task<CatalogueDocument> DocumentAsync(PlatformDbContext db, CancellationToken ct)
    {
        var materials = await db.Set<Material>().AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var materialCodes = materials.ToDictionary(m => m.Id, m => m.Code);
        var items = await db.Set<ServiceItem>().AsNoTracking().Include(i => i.Materials).OrderBy(i => i.Code).AsSplitQuery().ToListAsync(ct);
        var itemCodes = items.ToDictionary(i => i.Id, i => i.Code);
        var bundles = await db.Set<Bundle>().AsNoTracking().Include(b => b.Items).OrderBy(b => b.Code).ToListAsync(ct);
        return new CatalogueDocument
        {
            Materials = materials.Select(CatalogueMapping.ToEntry).ToList(),
            Items = items.Select(i => CatalogueMapping.ToEntry(i, materialCodes)).ToList(),
            Bundles = bundles.Select(b => CatalogueMapping.ToEntry(b, itemCodes)).ToList(),
        };
    }

    public async Task WriteAsync(CatalogueFormat format, Stream output, CancellationToken ct = default)
    {
        var document = await ExportAsync(ct);
        if (format == CatalogueFormat.Xlsx) await CatalogueExcel.WriteAsync(document, output, ct);
        else await JsonSerializer.SerializeAsync(output, document, CatalogueDocument.Json, ct);
    }

    /// <summary>Imports an upload, JSON or .xlsx told apart by its content; nothing is written when any row is wrong.</summary>
    public async Task<CatalogueImportReport> ImportAsync(Stream upload, string fileName, CancellationToken ct = default)
    {
        if (!CatalogueRules.CanImport(user)) throw new ForbiddenException(CatalogueRules.ImportRule, l["ForbiddenImport"]);
        var zone = user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);
        using var buffer = await ReadLimitedAsync(upload, ct);
        var digest = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..16];
        buffer.Position = 0;
        var problems = new CatalogueProblems();
        var (document, places) = Parse(buffer, problems);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ImportAsync(db, zone, document, places, problems, l["AuditImport", Path.GetFileName(fileName), digest], ct);
    }

    /// <summary>The import path itself, for a caller that already holds a context in the zone (the demo seeder).</summary>
    public async Task<CatalogueImportReport> ImportAsync(
        PlatformDbContext db, Guid zone, CatalogueDocument document, IProblemPlaces places, CatalogueProblems problems, string reason, CancellationToken ct)
    {
        await writer.ValidateAsync(db, zone, document, places, problems, ct);
        if (problems.Any) return new CatalogueImportReport(false, 0, 0, 0, 0, 0, 0, problems.Errors);
        return await writer.WriteAsync(db, zone, document, reason, ct);
    }

    private async Task<MemoryStream> ReadLimitedAsync(Stream upload, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > CatalogueRules.MaxUploadBytes)
            {
                await buffer.DisposeAsync();
                throw new PayloadTooLargeException("file", l["TooLarge", CatalogueRules.MaxUploadBytes / 1024 / 1024]);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer;
    }

    /// <summary>An .xlsx is a zip ("PK\x03\x04"); JSON starts with '{' (after a byte-order mark or spaces). Anything else is refused.</summary>
    private (CatalogueDocument, IProblemPlaces) Parse(MemoryStream buffer, CatalogueProblems problems)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            try
            {
                var (document, places) = CatalogueExcel.Read(buffer, problems, key => l[key]);
                return (document, places);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException)
            {
                throw new ValidationFailedException("file", l["Unreadable"]);
            }
        }
        var start = 0;
        if (bytes.StartsWith("\uFEFF"u8)) start = 3;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start >= bytes.Length || bytes[start] != '{') throw new ValidationFailedException("file", l["NotJsonOrExcel"]);
        try
        {
            var document = JsonSerializer.Deserialize<CatalogueDocument>(bytes[start..], CatalogueDocument.Json) ?? new CatalogueDocument();
            Normalise(document, problems);
            return (document, JsonPlaces.Instance);
        }
        catch (JsonException e)
        {
            // "$.items[3].kind" is reported on that field, like any other problem of the row.
            var path = e.Path ?? "$";
            var m = JsonPathPattern().Match(path);
            var at = m.Success
                ? new ProblemPlace(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value,
                    $"{m.Groups[1].Value}[{m.Groups[2].Value}]{(m.Groups[3].Value.Length > 0 ? "." + m.Groups[3].Value : "")}")
                : new ProblemPlace("", 0, path, "file");
            problems.Add(at, l["JsonInvalid", path]);
            return (new CatalogueDocument(), JsonPlaces.Instance);
        }
    }

    [GeneratedRegex(@"^\$\.(items|materials|bundles)\[(\d+)\]\.?(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex JsonPathPattern();

    /// <summary>JSON may say null where a list is meant; an absent entry is a problem of its own place, not a crash.</summary>
    private void Normalise(CatalogueDocument d, CatalogueProblems problems)
    {
        d.Materials ??= [];
        d.Items ??= [];
        d.Bundles ??= [];
        for (var i = 0; i < d.Materials.Count; i++)
        {
            if (d.Materials[i] is null) { problems.Add(JsonPlaces.Instance.Material(i, "code"), l["Required"]); d.Materials[i] = new MaterialEntry(); }
            d.Materials[i].LicenceTypes ??= [];
        }
        for (var i = 0; i < d.Items.Count; i++)
        {
            if (d.Items[i] is null) { problems.Add(JsonPlaces.Instance.Item(i, "code"), l["Required"]); d.Items[i] = new ItemEntry(); }
            var e = d.Items[i];
            e.Conditions ??= [];
            e.Prohibited ??= [];
            e.Steps ??= [];
            e.FormFields ??= [];
            e.Materials ??= [];
            for (var j = 0; j < e.Materials.Count; j++)
            {
                if (e.Materials[j] is null) { problems.Add(JsonPlaces.Instance.ItemMaterial(i, j, "material"), l["Required"]); e.Materials[j] = new ItemMaterialEntry(); }
            }
        }
        for (var i = 0; i < d.Bundles.Count; i++)
        {
            if (d.Bundles[i] is null) { problems.Add(JsonPlaces.Instance.Bundle(i, "code"), l["Required"]); d.Bundles[i] = new BundleEntry(); }
            d.Bundles[i].Items ??= [];
        }
    }
}
