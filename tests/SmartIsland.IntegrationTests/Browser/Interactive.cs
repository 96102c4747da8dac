using Microsoft.Playwright;

namespace SmartIsland.IntegrationTests.Browser;

/// <summary>
/// Steps for interactive (Blazor Server) pages. The page is painted before its circuit connects, so a
/// first click can land on a button that does nothing yet: click again until what it opens is there.
/// </summary>
internal static class Interactive
{
    /// <summary>Clicks <paramref name="target"/> until <paramref name="shows"/> appears.</summary>
    public static Task ClickUntilAsync(IPage page, ILocator target, string shows, int attempts = 20) =>
        DoUntilAsync(page, () => target.ClickAsync(), shows, attempts);

    /// <summary>
    /// Does <paramref name="step"/> (e.g. fill a field and press send) until <paramref name="shows"/> appears: typing
    /// into the painted page before the circuit connects is lost, so the whole step is repeated, not only the click.
    /// </summary>
    public static async Task DoUntilAsync(IPage page, Func<Task> step, string shows, int attempts = 20)
    {
        var shown = page.Locator(shows).First;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            // A slow earlier click may have worked meanwhile; clicking again would undo a toggle.
            if (await shown.IsVisibleAsync()) return;
            try
            {
                await step();
            }
            catch (TimeoutException)
            {
                continue; // the target was being re-rendered as the circuit connected: try the step again
            }
            try
            {
                await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 2000 });
                return;
            }
            catch (TimeoutException)
            {
                // not interactive yet
            }
        }
        throw new TimeoutException($"'{shows}' did not appear after {attempts} clicks");
    }

    public static Task ClickUntilAsync(IPage page, string target, string shows, int attempts = 20) =>
        ClickUntilAsync(page, page.Locator(target), shows, attempts);
}
