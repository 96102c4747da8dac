using System.Globalization;
using SmartIsland.Cases.Domain;

namespace SmartIsland.Services.Pages.Applications;

/// <summary>How the application pages write times and sizes: +08:00 and yyyy-MM-dd (ui.md), sizes as the limits are stated.</summary>
internal static class ApplicationText
{
    public static string Local(DateTimeOffset? at) =>
        at?.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / 1024d / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
            : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    /// <summary>As the service compares declared with registry values (企业信息智能比对): case and spaces make no difference.</summary>
    public static bool Same(string? declared, string registry) =>
        string.Equals(Normal(declared ?? ""), Normal(registry), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
