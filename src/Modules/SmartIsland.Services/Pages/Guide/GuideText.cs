using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Pages.Guide;

/// <summary>How the guide words the catalogue's values in the reader's language.</summary>
internal static class GuideText
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English name where the catalogue has one and the reader reads English; the Chinese otherwise.</summary>
    public static string Pick(string zh, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    /// <summary>A limit in working days; 0 is 即办 (handled on the spot).</summary>
    public static string Days(IStringLocalizer<GuideStrings> l, int days) =>
        days == 0 ? l["Immediate"] : string.Format(CultureInfo.CurrentCulture, l["WorkingDays"], days);

    public static IEnumerable<string> ChannelNames(IStringLocalizer<GuideStrings> l, Channels channels) =>
        Enum.GetValues<Channels>().Where(c => c != Channels.None && channels.HasFlag(c)).Select(c => (string)l["Channel_" + c]);

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A 404 that still shows the page's own message. A component that sets 404 while rendering gets an empty body
    /// (.NET 10's endpoint renderer stops before flushing, expecting a not-found page), so the status is set as the
    /// headers go out instead, and the status-code pages are told not to replace the page with a bare problem.
    /// </summary>
    public static void NotFound(HttpContext? http)
    {
        if (http is not { Response.HasStarted: false }) return;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    public static void Status(HttpContext? http, int status)
    {
        if (http is not { Response.HasStarted: false }) return;
        http.Response.StatusCode = status;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }

    public static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
