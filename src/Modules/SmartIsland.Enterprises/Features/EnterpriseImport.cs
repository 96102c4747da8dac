using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Codes.Domain;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Enterprises.Features;

public enum ImportMode
{
    /// <summary>Default: a file with any bad row imports nothing.</summary>
    AllOrNothing,

    /// <summary>The user chose to import the valid rows and skip the bad ones.</summary>
    ValidRowsOnly,
}

/// <summary>One problem in one cell: the Excel row number (header = row 1), the column header, why.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

public sealed record ImportReport(
    int Rows, int ValidRows, bool Written, int EnterprisesCreated, int EnterprisesUpdated,
    int IndicatorsCreated, int IndicatorsUpdated, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports the enterprise ledger from .xlsx: streams the sheet, checks every cell, reports every bad
/// row by row, column and reason, and writes in one transaction — nothing when any row is bad unless
/// the user chose to import only the valid rows.
/// </summary>
public sealed class EnterpriseImport(
    IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user,
    IOrganisationDirectory organisation,
    IStringLocalizer<EnterpriseStrings> l,
    IStringLocalizer<FigureStrings> f,
    TimeProvider clock)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    private const int BatchSize = 1000;

    private sealed class Row
    {
        public int Number;
        public string CreditCode = "";
        public string Name = "";
        public string? LegalRepresentative, IndustryCode, Address, ContactName, ContactPhone;
        public Guid? ParkId;
        public DateOnly? RegisteredOn;
        public int? Year;
        /// <summary>The row's figures (yuan); a null figure leaves the registry's value as it is.</summary>
        public readonly YearlyIndicator Figures = new();
    }

    public async Task<ImportReport> ImportAsync(Stream upload, string fileName, ImportMode mode, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!EnterpriseAccess.CanCreate(user)) throw new ForbiddenException(EnterpriseAccess.CreateRule, l["ForbiddenCreate"]);
        var temp = Path.Combine(Path.GetTempPath(), "smartisland-import-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            var digest = await CopyCheckedAsync(upload, temp, ct);
            var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
            var (rows, errors, total) = Read(temp, parks);
            await RefuseLockedYearsAsync(rows, errors, ct);
            if (errors.Count > 0 && mode == ImportMode.AllOrNothing)
                return new ImportReport(total, rows.Count, false, 0, 0, 0, 0, errors);
            var (ec, eu, ic, iu) = await WriteAsync(rows, $"Excel import {Path.GetFileName(fileName)} sha256:{digest[..16]}", progress, ct);
            return new ImportReport(total, rows.Count, true, ec, eu, ic, iu, errors);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Copies the upload to a temp file, refusing more than 20 MB and anything that is not an .xlsx (a zip) by its content.</summary>
    private async Task<string> CopyCheckedAsync(Stream upload, string path, CancellationToken ct)
    {
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes) throw new PayloadTooLargeException("file", l["ImportTooLarge", MaxBytes / 1024 / 1024]);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        await using var check = File.OpenRead(path);
        var magic = new byte[4];
        if (await check.ReadAsync(magic, ct) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
            throw new ValidationFailedException("file", l["ImportNotExcel"]);
        check.Position = 0;
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(check, ct));
    }

    private (List<Row> Rows, List<ImportError> Errors, int Total) Read(string path, Dictionary<string, Guid> parks)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        var seen = new HashSet<(string, int?)>();
        var total = 0;
        IEnumerable<dynamic> sheet;
        try
        {
            sheet = MiniExcel.Query(path, useHeaderRow: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new ValidationFailedException("file", l["ImportUnreadable"]);
        }
        Dictionary<string, ImportColumns.Column>? columns = null;
        var rowNumber = 1;
        try
        {
            foreach (IDictionary<string, object?> cells in sheet)
            {
                rowNumber++;
                if (columns is null)
                {
                    var recognised = cells.Keys.Select(k => (Header: k, Column: ImportColumns.FromHeader(k))).Where(p => p.Column is not null).ToList();
                    var twice = recognised.GroupBy(p => p.Column!.Key).Where(g => g.Count() > 1).ToList();
                    if (twice.Count > 0)
                    {
                        errors.AddRange(twice.Select(g => new ImportError(1, string.Join(" / ", g.Select(p => p.Header)), l["ImportColumnTwice"])));
                        return (rows, errors, 0);
                    }
                    columns = recognised.ToDictionary(p => p.Column!.Key, p => p.Column!);
                    var missing = ImportColumns.All.Where(c => c.Required && !columns.ContainsKey(c.Key)).ToList();
                    if (missing.Count > 0)
                    {
                        errors.AddRange(missing.Select(c => new ImportError(1, c.Chinese, l["ImportMissingColumn"])));
                        return (rows, errors, 0);
                    }
                    headerOf = recognised.ToDictionary(p => p.Column!.Key, p => p.Header);
                }
                if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
                total++;
                var row = ParseRow(cells, rowNumber, parks, errors, out var ok);
                if (ok && !seen.Add((row.CreditCode, row.Year)))
                {
                    errors.Add(new ImportError(rowNumber, Header("creditCode"), l["ImportDuplicateRow", row.CreditCode, row.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"]));
                    ok = false;
                }
                if (ok) rows.Add(row);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException)
        {
            // MiniExcel reads lazily: a damaged sheet fails here, while rows are read.
            throw new ValidationFailedException("file", l["ImportUnreadable"]);
        }
        if (columns is null) errors.Add(new ImportError(1, "", l["ImportEmpty"]));
        return (rows, errors, total);
    }

    private Dictionary<string, string> headerOf = [];

    private string Header(string key) => headerOf.GetValueOrDefault(key) ?? ImportColumns.All.First(c => c.Key == key).Chinese;

    private Row ParseRow(IDictionary<string, object?> cells, int number, Dictionary<string, Guid> parks, List<ImportError> errors, out bool ok)
    {
        var errorCount = errors.Count;
        object? Cell(string key) => headerOf.TryGetValue(key, out var h) && cells.TryGetValue(h, out var v) ? v : null;
        void Fail(string key, string reason) => errors.Add(new ImportError(number, Header(key), reason));
        string? Text(string key, int max)
        {
            var v = Cell(key) switch
            {
                null => null,
                string s => s.Trim(),
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString()?.Trim(),
            };
            if (string.IsNullOrEmpty(v)) return null;
            if (v.Length > max) { Fail(key, l["TooLong", Header(key), max]); return null; }
            return v;
        }
        decimal? Number(string key, decimal scale = 1m, bool mayBeNegative = false)
        {
            var v = Cell(key);
            decimal? d = v switch
            {
                null => null,
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) => p,
                double x when Math.Abs(x) <= (double)EnterpriseFieldRules.MaxFigure => (decimal)x,
                double => TooLarge(),
                decimal x => x,
                int x => x,
                long x => x,
                _ => Invalid(),
            };
            if (d is < 0 && !mayBeNegative) { Fail(key, l["ImportNegative"]); return null; }
            if (Math.Abs(d * scale ?? 0) > EnterpriseFieldRules.MaxFigure) return TooLarge();
            return d * scale;
            decimal? Invalid() { Fail(key, l["ImportNotNumber"]); return null; }
            decimal? TooLarge() { Fail(key, l["TooLarge"]); return null; }
        }
        int? Whole(string key)
        {
            var d = Number(key);
            if (d is null) return null;
            if (d != decimal.Truncate(d.Value) || d > int.MaxValue) { Fail(key, l["ImportNotWholeNumber"]); return null; }
            return (int)d.Value;
        }

        var row = new Row { Number = number };
        var codeCell = Cell("creditCode");
        if (codeCell is double or decimal or long) Fail("creditCode", l["ImportCodeAsNumber"]);
        else
        {
            var code = Text("creditCode", 40)?.ToUpperInvariant();
            var check = CreditCode.Check(code);
            if (code is null) Fail("creditCode", l["Required", Header("creditCode")]);
            else if (!check.Valid) Fail("creditCode", l["CreditCodeInvalid", l["CodeProblem_" + check.Problem]]);
            else row.CreditCode = code;
        }
        var name = Text("name", EnterpriseFieldRules.NameMax);
        if (name is null) Fail("name", l["Required", Header("name")]); else row.Name = name;
        var industry = Text("industryCode", 10)?.ToUpperInvariant();
        if (industry is null) Fail("industryCode", l["Required", Header("industryCode")]);
        else if (!IndustryCode.IsValid(industry)) Fail("industryCode", l["IndustryCodeInvalid"]);
        else row.IndustryCode = industry;
        row.LegalRepresentative = Text("legalRepresentative", EnterpriseFieldRules.PersonNameMax);
        row.Address = Text("address", EnterpriseFieldRules.AddressMax);
        row.ContactName = Text("contactName", EnterpriseFieldRules.PersonNameMax);
        row.ContactPhone = Text("contactPhone", EnterpriseFieldRules.PhoneMax);
        if (row.ContactPhone is { } phone && !PhoneNumbers.IsPlausible(phone)) Fail("contactPhone", l["PhoneInvalid"]);
        if (Text("park", 100) is { } park)
        {
            if (parks.TryGetValue(park, out var parkId)) row.ParkId = parkId;
            else Fail("park", l["ImportParkUnknown", park]);
        }
        row.RegisteredOn = Cell("registeredOn") switch
        {
            null => null,
            DateTime d => DateOnly.FromDateTime(d),
            double oa => DateOnly.FromDateTime(DateTime.FromOADate(oa)),
            string s when string.IsNullOrWhiteSpace(s) => null,
            string s when DateOnly.TryParse(s.Trim(), CultureInfo.InvariantCulture, out var d) => d,
            _ => FailDate(),
        };
        if (row.RegisteredOn is { } reg && reg > DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) Fail("registeredOn", l["DateInFuture"]);
        row.Year = Whole("year");
        if (row.Year is { } y && (y < 2000 || y > clock.GetLocalNow().Year)) Fail("year", l["ImportYearRange", clock.GetLocalNow().Year]);
        foreach (var field in IndicatorFields.All)
        {
            field.Set(row.Figures, field.Whole
                ? Whole(field.Key)
                : Number(field.Key, field.Unit == FigureUnit.Yuan ? 10_000m : 1m, field.MayBeNegative));
        }
        if (row.Year is null && IndicatorFields.HasAny(row.Figures)) Fail("year", l["ImportYearNeeded"]);
        // A part above its whole (研发费用 > 成本费用支出总额, 科技人员 > 职工人数 …): the same rules as the form.
        foreach (var p in IndicatorRules.Check(row.Figures, row.Year ?? IndicatorRules.FirstYear, clock.GetLocalNow().Year).Where(p => p.Kind == IndicatorProblemKind.ExceedsWhole))
            Fail(p.Field, FigureText.Message(f, p, clock.GetLocalNow().Year));
        ok = errors.Count == errorCount;
        return row;

        DateOnly? FailDate()
        {
            Fail("registeredOn", l["ImportNotDate"]);
            return null;
        }
    }

    private async Task<(int, int, int, int)> WriteAsync(List<Row> rows, string reason, IProgress<int>? progress, CancellationToken ct)
    {
        int ec = 0, eu = 0, ic = 0, iu = 0, done = 0;
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await using var transaction = await db.BeginAuditedTransactionAsync(ct);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var codes = batch.Select(r => r.CreditCode).Distinct().ToList();
            var enterprises = await db.Set<Enterprise>().Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, ct);
            var ids = enterprises.Values.Select(e => e.Id).ToList();
            var years = batch.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().ToList();
            var indicators = ids.Count == 0 || years.Count == 0
                ? []
                : await db.Set<YearlyIndicator>().Where(i => ids.Contains(i.EnterpriseId) && years.Contains(i.Year)).ToDictionaryAsync(i => (i.EnterpriseId, i.Year), ct);
            var newEnterprises = new List<Enterprise>();
            var newIndicators = new List<YearlyIndicator>();
            var newIds = new HashSet<Guid>();
            foreach (var row in batch)
            {
                if (!enterprises.TryGetValue(row.CreditCode, out var e))
                {
                    e = new Enterprise { CreditCode = row.CreditCode };
                    newEnterprises.Add(e);
                    newIds.Add(e.Id);
                    enterprises[row.CreditCode] = e;
                    ec++;
                }
                else if (!newIds.Contains(e.Id) && db.Entry(e).State == EntityState.Unchanged) eu++;
                // Like the edit form: a role that sees only masked personal data cannot overwrite it.
                Apply(e, row, personalData: newIds.Contains(e.Id) || EnterpriseAccess.CanSeePersonalData(user, e.Id));
                if (row.Year is { } year)
                {
                    if (!indicators.TryGetValue((e.Id, year), out var i))
                    {
                        i = new YearlyIndicator { EnterpriseId = e.Id, Year = year };
                        newIndicators.Add(i);
                        indicators[(e.Id, year)] = i;
                        ic++;
                    }
                    else iu++;
                    Apply(i, row);
                }
            }
            // New rows go in through the bulk path (same tenancy and audit rules, no change tracker);
            // changes to existing rows go through SaveChanges with their before/after.
            db.AuditReason = reason;
            await db.BulkInsertAsync(newEnterprises, ct);
            await db.BulkInsertAsync(newIndicators, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(done);
        }
        await transaction.CommitAsync(ct);
        return (ec, eu, ic, iu);
    }

    /// <summary>A cell left empty keeps what the registry has; a filled cell replaces it.</summary>
    private static void Apply(Enterprise e, Row r, bool personalData)
    {
        e.Name = r.Name;
        e.IndustryCode = r.IndustryCode!;
        if (personalData)
        {
            e.LegalRepresentative = r.LegalRepresentative ?? e.LegalRepresentative;
            e.ContactPhone = r.ContactPhone ?? e.ContactPhone;
            e.ContactName = r.ContactName ?? e.ContactName;
        }
        e.ParkId = r.ParkId ?? e.ParkId;
        e.Address = r.Address ?? e.Address;
        e.RegisteredOn = r.RegisteredOn ?? e.RegisteredOn;
    }

    private static void Apply(YearlyIndicator i, Row r)
    {
        foreach (var field in IndicatorFields.All) field.Set(i, field.Get(r.Figures) ?? field.Get(i));
    }

    /// <summary>A reviewed year is locked (issue 4 §8): the ledger cannot overwrite it; a correction with a reason can.</summary>
    private async Task RefuseLockedYearsAsync(List<Row> rows, List<ImportError> errors, CancellationToken ct)
    {
        var withYear = rows.Where(r => r.Year is not null).ToList();
        if (withYear.Count == 0) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var locked = new HashSet<(string, int)>();
        foreach (var batch in withYear.Chunk(BatchSize))
        {
            var codes = batch.Select(r => r.CreditCode).Distinct().ToList();
            var found = await db.Set<YearlyIndicator>().AsNoTracking()
                .Where(i => i.Status == IndicatorStatus.Reviewed)
                .Join(db.Set<Enterprise>().Where(e => codes.Contains(e.CreditCode)), i => i.EnterpriseId, e => e.Id, (i, e) => new { e.CreditCode, i.Year })
                .ToListAsync(ct);
            locked.UnionWith(found.Select(x => (x.CreditCode, x.Year)));
        }
        foreach (var row in withYear.Where(r => locked.Contains((r.CreditCode, r.Year!.Value))))
        {
            errors.Add(new ImportError(row.Number, Header("year"), f["Locked", row.Year!.Value]));
            rows.Remove(row);
        }
    }

    /// <summary>The empty template in the user's language, with a second sheet explaining each column.</summary>
    public async Task WriteTemplateAsync(Stream output, bool english, CancellationToken ct = default)
    {
        var header = new Dictionary<string, object?>();
        foreach (var c in ImportColumns.All) header[ImportColumns.Header(c, english)] = null;
        var notes = ImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            [english ? "Column" : "列"] = ImportColumns.Header(c, english),
            [english ? "Required" : "必填"] = c.Required ? (english ? "yes" : "是") : "",
            [english ? "Notes" : "说明"] = Note(c.Key, english),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [english ? "Enterprises" : "企业台账"] = new[] { header },
            [english ? "Notes" : "填写说明"] = notes,
        };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
    }

    private string Note(string key, bool english)
    {
        if (!l["ImportNote_" + key].ResourceNotFound) return l["ImportNote_" + key].Value;
        // The tier figures: the unit, and for the few that need it, what the figure is.
        if (!ImportColumnsHaveFigure(key)) return "";
        var field = IndicatorFields.Get(key);
        var hint = f["Hint_" + key];
        var unit = field.Unit == FigureUnit.Yuan ? (english ? "In 10,000 yuan" : "单位：万元") : "";
        return string.Join(english ? "; " : "；", new[] { unit, hint.ResourceNotFound ? "" : hint.Value }.Where(x => x.Length > 0));
    }

    private static bool ImportColumnsHaveFigure(string key) => IndicatorFields.All.Any(x => x.Key == key);

    /// <summary>The error report as a sheet: row, column, reason.</summary>
    public async Task WriteErrorReportAsync(IReadOnlyList<ImportError> errors, Stream output, CancellationToken ct = default)
    {
        var rows = errors.Select(e => new Dictionary<string, object?>
        {
            [l["ImportRow"]] = e.Row,
            [l["ImportColumn"]] = e.Column,
            [l["ImportReason"]] = e.Reason,
        }).ToList();
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }
}
