using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// The catalogue as a workbook staff can read and fill in: one sheet per list (事项, 材料, 事项材料, 一件事), one row per
/// entry. Lists that belong to an item are readable lines (受理条件 "C1：…", 办理流程 "受理｜窗口｜1"), or JSON where a
/// structure has no plain form (表单字段, 秒批规则). Export and import use the same columns, so a file round-trips.
/// </summary>
internal static partial class CatalogueExcel
{
    public const string ItemsSheet = "事项";
    public const string MaterialsSheet = "材料";
    public const string ItemMaterialsSheet = "事项材料";
    public const string BundlesSheet = "一件事";

    /// <summary>Columns of each sheet: header → the document's field name (the one problems are reported on).</summary>
    public static readonly (string Header, string Field)[] ItemColumns =
    [
        ("编码", "code"), ("名称", "name"), ("英文名称", "nameEn"), ("事项类型", "kind"), ("部门", "department"), ("设定依据", "legalBasis"),
        ("受理条件", "conditions"), ("禁办情形", "prohibited"), ("办理流程", "steps"), ("表单字段", "formFields"),
        ("法定时限（工作日）", "statutoryLimitDays"), ("承诺时限（工作日）", "promisedLimitDays"), ("容缺补正期限（工作日）", "deferralDays"),
        ("收费", "fee"), ("办理渠道", "channels"), ("跑动次数", "visits"), ("办理地点", "place"), ("办理时间", "hours"),
        ("咨询电话", "contactPhone"), ("投诉电话", "complaintPhone"), ("秒批规则", "autoApprovalRules"), ("颁发证照类型", "issuesLicenceType"),
        ("裁量规则", "discretionRule"), ("关键词", "keywords"), ("是否发布", "published"),
    ];

    public static readonly (string Header, string Field)[] MaterialColumns =
        [("编码", "code"), ("名称", "name"), ("英文名称", "nameEn"), ("说明", "description"), ("电子证照类型", "licenceTypes")];

    public static readonly (string Header, string Field)[] ItemMaterialColumns =
        [("事项编码", "item"), ("材料编码", "material"), ("要求", "requirement"), ("容缺", "deferrable"), ("形式", "form"), ("份数", "count"), ("备注", "note")];

    public static readonly (string Header, string Field)[] BundleColumns =
        [("编码", "code"), ("名称", "name"), ("英文名称", "nameEn"), ("说明", "description"), ("是否发布", "published"), ("事项编码", "items")];

    /// <summary>The kinds as the national catalogue names them.</summary>
    public static readonly IReadOnlyDictionary<ItemKind, string> KindNames = new Dictionary<ItemKind, string>
    {
        [ItemKind.AdministrativeLicence] = "行政许可", [ItemKind.AdministrativePenalty] = "行政处罚", [ItemKind.AdministrativeCoercion] = "行政强制",
        [ItemKind.AdministrativeLevy] = "行政征收", [ItemKind.AdministrativeBenefit] = "行政给付", [ItemKind.AdministrativeInspection] = "行政检查",
        [ItemKind.AdministrativeConfirmation] = "行政确认", [ItemKind.AdministrativeAward] = "行政奖励", [ItemKind.AdministrativeAdjudication] = "行政裁决",
        [ItemKind.OtherPower] = "其他行政权力", [ItemKind.PublicService] = "公共服务",
    };

    private static readonly (Channels Channel, string Name)[] ChannelNames =
        [(Channels.Window, "窗口"), (Channels.Online, "网上"), (Channels.NoVisit, "不见面"), (Channels.Post, "邮寄")];

    private static readonly Dictionary<MaterialRequirement, string> RequirementNames =
        new Dictionary<MaterialRequirement, string> { [MaterialRequirement.Required] = "必要", [MaterialRequirement.Optional] = "非必要" };

    private static readonly Dictionary<MaterialForm, string> FormNames = new Dictionary<MaterialForm, string>
    {
        [MaterialForm.Original] = "原件", [MaterialForm.Copy] = "复印件", [MaterialForm.OriginalAndCopy] = "原件和复印件", [MaterialForm.Electronic] = "电子",
    };

    private static readonly JsonSerializerOptions CellJson = new(CatalogueDocument.Json) { WriteIndented = false };

    [GeneratedRegex("[、,，;；\\r\\n]+")]
    private static partial Regex ListSeparators();

    // ---------------- writing ----------------

    public static async Task WriteAsync(CatalogueDocument d, Stream output, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [ItemsSheet] = Sheet(ItemColumns, d.Items.Select(ItemRow)),
            [MaterialsSheet] = Sheet(MaterialColumns, d.Materials.Select(m => new object?[]
                { m.Code, m.Name, m.NameEn, m.Description, string.Join("、", m.LicenceTypes) })),
            [ItemMaterialsSheet] = Sheet(ItemMaterialColumns, d.Items.SelectMany(i => i.Materials.Select(m => new object?[]
                { i.Code, m.Material, RequirementNames[m.Requirement], m.Deferrable ? "是" : "否", FormNames[m.Form], m.Count, m.Note }))),
            [BundlesSheet] = Sheet(BundleColumns, d.Bundles.Select(b => new object?[]
                { b.Code, b.Name, b.NameEn, b.Description, b.Published ? "是" : "否", string.Join("、", b.Items) })),
        };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);
    }

    private static object?[] ItemRow(ItemEntry i) =>
    [
        i.Code, i.Name, i.NameEn, KindNames[i.Kind], i.Department, i.LegalBasis,
        string.Join("\n", i.Conditions.Select(r => $"{r.Code}：{r.Text}")),
        string.Join("\n", i.Prohibited.Select(r => $"{r.Code}：{r.Text}")),
        string.Join("\n", i.Steps.Select(s => $"{s.Name}｜{s.Actor}｜{s.Days.ToString(CultureInfo.InvariantCulture)}")),
        i.FormFields.Count == 0 ? null : JsonSerializer.Serialize(i.FormFields, CellJson),
        i.StatutoryLimitDays, i.PromisedLimitDays, i.DeferralDays, i.Fee,
        string.Join("、", ChannelNames.Where(c => i.Channels.HasFlag(c.Channel)).Select(c => c.Name)),
        i.Visits, i.Place, i.Hours, i.ContactPhone, i.ComplaintPhone,
        i.AutoApprovalRules is { ValueKind: JsonValueKind.Object } r ? JsonSerializer.Serialize(r, CellJson) : null,
        i.IssuesLicenceType, i.DiscretionRule, i.Keywords, i.Published ? "是" : "否",
    ];

    /// <summary>Rows as header → value, so an empty list still writes its header row.</summary>
    private static List<Dictionary<string, object?>> Sheet((string Header, string Field)[] columns, IEnumerable<object?[]> rows)
    {
        var list = rows.Select(r => columns.Select((c, n) => (c.Header, Value: r[n])).ToDictionary(x => x.Header, x => x.Value)).ToList();
        if (list.Count == 0) list.Add(columns.ToDictionary(c => c.Header, _ => (object?)null));
        return list;
    }

    // ---------------- reading ----------------

    /// <summary>Where each entry came from, so problems name the sheet, the Excel row (header = row 1) and the column.</summary>
    internal sealed class Places : IProblemPlaces
    {
        public readonly List<int> ItemRows = [];
        public readonly List<List<int>> ItemMaterialRows = [];
        public readonly List<int> MaterialRows = [];
        public readonly List<int> BundleRows = [];

        public ProblemPlace Item(int item, string field) => At(ItemsSheet, ItemRows[item], ItemColumns, field);
        public ProblemPlace ItemMaterial(int item, int material, string field) => At(ItemMaterialsSheet, ItemMaterialRows[item][material], ItemMaterialColumns, field);
        public ProblemPlace Material(int material, string field) => At(MaterialsSheet, MaterialRows[material], MaterialColumns, field);
        public ProblemPlace Bundle(int bundle, string field) => At(BundlesSheet, BundleRows[bundle], BundleColumns, field);

        public static ProblemPlace At(string sheet, int row, (string Header, string Field)[] columns, string field)
        {
            // "conditions[2].code" is reported on the 受理条件 cell.
            var name = field.Split('[', '.')[0];
            var header = columns.FirstOrDefault(c => c.Field == name).Header ?? name;
            return new ProblemPlace(sheet, row, header, $"{sheet}!R{row}.{header}");
        }
    }

    /// <summary>Reads a workbook into a document; unreadable cells become problems in place (the rest is still checked).</summary>
    public static (CatalogueDocument Document, Places Places) Read(Stream xlsx, CatalogueProblems problems, Func<string, string> message)
    {
        var document = new CatalogueDocument();
        var places = new Places();
        var names = MiniExcel.GetSheetNames(xlsx);
        if (!names.Contains(ItemsSheet))
        {
            problems.Add(new ProblemPlace(ItemsSheet, 1, "", "file"), message("SheetMissing"));
            return (document, places);
        }
        foreach (var (row, cell) in Rows(xlsx, names, MaterialsSheet, MaterialColumns, problems, message))
        {
            places.MaterialRows.Add(row);
            document.Materials.Add(new MaterialEntry
            {
                Code = Text(cell("code")) ?? "", Name = Text(cell("name")) ?? "", NameEn = Text(cell("nameEn")), Description = Text(cell("description")),
                LicenceTypes = List(cell("licenceTypes")),
            });
        }
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cell) in Rows(xlsx, names, ItemsSheet, ItemColumns, problems, message))
        {
            places.ItemRows.Add(row);
            places.ItemMaterialRows.Add([]);
            var fail = Fail(problems, ItemsSheet, row, ItemColumns);
            var item = new ItemEntry
            {
                Code = Text(cell("code")) ?? "", Name = Text(cell("name")) ?? "", NameEn = Text(cell("nameEn")),
                Kind = Kind(Text(cell("kind"))), Department = Text(cell("department")) ?? "", LegalBasis = Text(cell("legalBasis")) ?? "",
                Conditions = Rules(Text(cell("conditions")), "conditions", fail, message),
                Prohibited = Rules(Text(cell("prohibited")), "prohibited", fail, message),
                Steps = Steps(Text(cell("steps")), fail, message),
                FormFields = Json<List<FormFieldDefinition>>(Text(cell("formFields")), "formFields", fail, message) ?? [],
                StatutoryLimitDays = Whole(cell("statutoryLimitDays"), "statutoryLimitDays", fail, message) ?? 0,
                PromisedLimitDays = Whole(cell("promisedLimitDays"), "promisedLimitDays", fail, message) ?? 0,
                DeferralDays = Whole(cell("deferralDays"), "deferralDays", fail, message) ?? 5,
                Fee = Text(cell("fee")) ?? "",
                Channels = ChannelsOf(Text(cell("channels")), fail, message),
                Visits = Whole(cell("visits"), "visits", fail, message) ?? 0,
                Place = Text(cell("place")) ?? "", Hours = Text(cell("hours")) ?? "",
                ContactPhone = Text(cell("contactPhone")) ?? "", ComplaintPhone = Text(cell("complaintPhone")) ?? "",
                AutoApprovalRules = Json<JsonElement?>(Text(cell("autoApprovalRules")), "autoApprovalRules", fail, message),
                IssuesLicenceType = Text(cell("issuesLicenceType")), DiscretionRule = Text(cell("discretionRule")), Keywords = Text(cell("keywords")),
                Published = YesNo(cell("published"), "published", fail, message) ?? true,
            };
            byCode.TryAdd(item.Code, document.Items.Count);
            document.Items.Add(item);
        }
        foreach (var (row, cell) in Rows(xlsx, names, ItemMaterialsSheet, ItemMaterialColumns, problems, message))
        {
            var fail = Fail(problems, ItemMaterialsSheet, row, ItemMaterialColumns);
            var itemCode = Text(cell("item")) ?? "";
            if (!byCode.TryGetValue(itemCode, out var index))
            {
                fail("item", itemCode.Length == 0 ? message("Required") : string.Format(CultureInfo.CurrentCulture, message("ItemNotInFile"), itemCode));
                continue;
            }
            places.ItemMaterialRows[index].Add(row);
            document.Items[index].Materials.Add(new ItemMaterialEntry
            {
                Material = Text(cell("material")) ?? "",
                Requirement = Named(Text(cell("requirement")), RequirementNames, "requirement", fail, message) ?? MaterialRequirement.Required,
                Deferrable = YesNo(cell("deferrable"), "deferrable", fail, message) ?? false,
                Form = Named(Text(cell("form")), FormNames, "form", fail, message) ?? MaterialForm.Original,
                Count = Whole(cell("count"), "count", fail, message) ?? 1,
                Note = Text(cell("note")),
            });
        }
        foreach (var (row, cell) in Rows(xlsx, names, BundlesSheet, BundleColumns, problems, message))
        {
            places.BundleRows.Add(row);
            var fail = Fail(problems, BundlesSheet, row, BundleColumns);
            document.Bundles.Add(new BundleEntry
            {
                Code = Text(cell("code")) ?? "", Name = Text(cell("name")) ?? "", NameEn = Text(cell("nameEn")), Description = Text(cell("description")),
                Published = YesNo(cell("published"), "published", fail, message) ?? true, Items = List(cell("items")),
            });
        }
        return (document, places);
    }

    /// <summary>The non-empty rows of a sheet with their Excel row number; a missing optional sheet has none.</summary>
    private static IEnumerable<(int Row, Func<string, object?> Cell)> Rows(
        Stream xlsx, IReadOnlyCollection<string> names, string sheet, (string Header, string Field)[] columns, CatalogueProblems problems, Func<string, string> message)
    {
        if (!names.Contains(sheet)) yield break;
        xlsx.Position = 0;
        var rowNumber = 1;
        var checkedHeader = false;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet))
        {
            rowNumber++;
            if (!checkedHeader)
            {
                checkedHeader = true;
                var missing = columns.Where(c => !cells.ContainsKey(c.Header)).Select(c => c.Header).ToList();
                if (missing.Count > 0)
                {
                    foreach (var header in missing)
                        problems.Add(new ProblemPlace(sheet, 1, header, $"{sheet}!R1.{header}"), message("ColumnMissing"));
                    yield break;
                }
            }
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
            var row = rowNumber;
            yield return (row, field => cells.TryGetValue(columns.First(c => c.Field == field).Header, out var v) ? v : null);
        }
    }

    private static Action<string, string> Fail(CatalogueProblems problems, string sheet, int row, (string Header, string Field)[] columns) =>
        (field, text) => problems.Add(Places.At(sheet, row, columns, field), text);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString()?.Trim(),
    };

    private static List<string> List(object? value) =>
        Text(value) is { } s ? ListSeparators().Split(s).Select(x => x.Trim()).Where(x => x.Length > 0).ToList() : [];

    private static int? Whole(object? value, string field, Action<string, string> fail, Func<string, string> message)
    {
        switch (value)
        {
            case null:
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case double d when d == Math.Floor(d) && Math.Abs(d) < 1_000_000:
                return (int)d;
            case int i:
                return i;
            case long n when Math.Abs(n) < 1_000_000:
                return (int)n;
            case decimal m when m == decimal.Truncate(m) && Math.Abs(m) < 1_000_000:
                return (int)m;
            case string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p):
                return p;
            default:
                fail(field, message("NotWholeNumber"));
                return null;
        }
    }

    private static bool? YesNo(object? value, string field, Action<string, string> fail, Func<string, string> message)
    {
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return b;
        }
        var s = Text(value);
        if (s is null) return null;
        if (s is "是" or "Y" or "y" or "yes" or "Yes" or "true" or "TRUE" or "1") return true;
        if (s is "否" or "N" or "n" or "no" or "No" or "false" or "FALSE" or "0") return false;
        fail(field, message("NotYesNo"));
        return null;
    }

    /// <summary>A kind by its Chinese name or its English enum name; an unknown one is left out of range for the validator to name.</summary>
    private static ItemKind Kind(string? s)
    {
        if (s is null) return (ItemKind)(-1);
        foreach (var (kind, name) in KindNames) if (name == s) return kind;
        return Enum.TryParse<ItemKind>(s, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (ItemKind)(-1);
    }

    private static T? Named<T>(string? s, IReadOnlyDictionary<T, string> names, string field, Action<string, string> fail, Func<string, string> message) where T : struct, Enum
    {
        if (s is null) return null;
        foreach (var (value, name) in names) if (name == s) return value;
        if (Enum.TryParse<T>(s, ignoreCase: true, out var v) && Enum.IsDefined(v)) return v;
        fail(field, string.Format(CultureInfo.CurrentCulture, message("OneOf"), string.Join("、", names.Values)));
        return null;
    }

    private static Channels ChannelsOf(string? s, Action<string, string> fail, Func<string, string> message)
    {
        var result = Channels.None;
        if (s is null) return result;
        foreach (var part in ListSeparators().Split(s).Select(x => x.Trim()).Where(x => x.Length > 0))
        {
            var match = ChannelNames.FirstOrDefault(c => c.Name == part);
            if (match.Name is null && Enum.TryParse<Channels>(part, ignoreCase: true, out var parsed)) result |= parsed;
            else if (match.Name is null) fail("channels", string.Format(CultureInfo.CurrentCulture, message("OneOf"), string.Join("、", ChannelNames.Select(c => c.Name))));
            else result |= match.Channel;
        }
        return result;
    }

    /// <summary>One rule a line: "C1：text" (a full-width or plain colon).</summary>
    private static List<ItemRule> Rules(string? s, string field, Action<string, string> fail, Func<string, string> message)
    {
        var rules = new List<ItemRule>();
        if (s is null) return rules;
        foreach (var line in s.Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0))
        {
            var at = line.IndexOfAny(['：', ':']);
            if (at <= 0)
            {
                fail(field, string.Format(CultureInfo.CurrentCulture, message("RuleLine"), line));
                continue;
            }
            rules.Add(new ItemRule(line[..at].Trim(), line[(at + 1)..].Trim()));
        }
        return rules;
    }

    /// <summary>One step a line: "name｜actor｜days".</summary>
    private static List<FlowStep> Steps(string? s, Action<string, string> fail, Func<string, string> message)
    {
        var steps = new List<FlowStep>();
        if (s is null) return steps;
        foreach (var line in s.Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0))
        {
            var parts = line.Split('｜', '|');
            if (parts.Length != 3 || !int.TryParse(parts[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            {
                fail("steps", string.Format(CultureInfo.CurrentCulture, message("StepLine"), line));
                continue;
            }
            steps.Add(new FlowStep(parts[0].Trim(), parts[1].Trim(), days));
        }
        return steps;
    }

    private static T? Json<T>(string? s, string field, Action<string, string> fail, Func<string, string> message)
    {
        if (s is null) return default;
        try
        {
            return JsonSerializer.Deserialize<T>(s, CatalogueDocument.Json);
        }
        catch (JsonException e)
        {
            fail(field, string.Format(CultureInfo.CurrentCulture, message("CellNotJson"), e.Message));
            return default;
        }
    }
}
