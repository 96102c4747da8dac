using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Problems;
using SmartIsland.Projects.Logistics;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Pages.Logistics;

/// <summary>
/// What the four library tabs of /logistics share: the carriers to pick from, a search within the tab, showing
/// deactivated rows or not, and one way to run a write — field errors under the fields, a stale row reloaded and said so.
/// </summary>
public abstract class LogisticsTab : ComponentBase
{
    [Inject] protected LogisticsService Logistics { get; set; } = default!;
    [Inject] protected IStringLocalizer<LogisticsStrings> L { get; set; } = default!;

    /// <summary>All carriers (deactivated ones included, for names); new rows pick from the active ones.</summary>
    [Parameter] public IReadOnlyList<CarrierRow> Carriers { get; set; } = [];

    /// <summary>Raised after a write, so the page refreshes the carriers' counts.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    protected Dictionary<string, string[]> Errors { get; set; } = [];
    protected string? Message { get; set; }
    protected bool Busy { get; set; }
    protected string? Search { get; set; }
    protected bool ShowInactive { get; set; }
    /// <summary>The last write met a newer save: the tab shows the latest, and the form or prompt that held the old version closes.</summary>
    protected bool Stale { get; private set; }

    protected IEnumerable<CarrierRow> ActiveCarriers => Carriers.Where(c => c.Active);

    protected string? Error(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    protected bool Matches(bool active, params string?[] fields)
    {
        if (!active && !ShowInactive) return false;
        var text = Search?.Trim();
        return string.IsNullOrEmpty(text) || fields.Any(f => f?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>The tab's empty state: a search that matched nothing, or an empty library and (for keepers) how to fill it.</summary>
    protected string Empty(string key) => !string.IsNullOrWhiteSpace(Search) ? L["NoMatch"] : Logistics.MayKeep ? L[key + "_Keep"] : L[key];

    protected abstract Task ReloadAsync();

    /// <summary>Runs a write; true when it went through. Someone else's newer save is not overwritten: the tab reloads it.</summary>
    protected async Task<bool> WriteAsync(Func<Task> write)
    {
        Busy = true;
        Errors = [];
        Message = null;
        Stale = false;
        try
        {
            await write();
            await ReloadAsync();
            await Changed.InvokeAsync();
            return true;
        }
        catch (ValidationFailedException v)
        {
            Errors = v.Errors.ToDictionary(e => e.Key, e => e.Value);
            return false;
        }
        catch (PreconditionFailedException e)
        {
            await ReloadAsync();
            await Changed.InvokeAsync();
            Message = $"{e.Message} {L["Reloaded"]}";
            Stale = true;
            return false;
        }
        catch (PlatformException e)
        {
            Message = e.Message;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
