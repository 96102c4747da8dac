using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Enterprises.Features;

/// <summary>Names, units and problem messages of the yearly figures in the user's language (one wording for the form, the API and the import).</summary>
public static class FigureText
{
    public static string Name(IStringLocalizer<FigureStrings> f, string key) => f["Figure_" + key];

    /// <summary>The label with its unit as the form shows it: 营业收入（万元）, 职工人数（人）.</summary>
    public static string Label(IStringLocalizer<FigureStrings> f, IndicatorField field) =>
        f["Labelled", Name(f, field.Key), f["Unit_" + field.Unit]];

    public static string Message(IStringLocalizer<FigureStrings> f, IndicatorProblem p, int thisYear) => p.Kind switch
    {
        IndicatorProblemKind.Negative => f["Negative", Name(f, p.Field)],
        IndicatorProblemKind.TooLarge => f["TooLarge", Name(f, p.Field)],
        IndicatorProblemKind.ExceedsWhole => f["ExceedsWhole", Name(f, p.Field), Name(f, p.Whole!)],
        IndicatorProblemKind.NoFigures => f["NoFigures"],
        _ => f["YearOutOfRange", thisYear],
    };

    /// <summary>Throws every problem at once, each under its field (RFC 7807 <c>errors</c>).</summary>
    public static void ThrowIfAny(IStringLocalizer<FigureStrings> f, IReadOnlyList<IndicatorProblem> problems, int thisYear)
    {
        var errors = new ValidationErrors();
        foreach (var p in problems) errors.Add(p.Field, Message(f, p, thisYear));
        errors.ThrowIfAny();
    }
}
