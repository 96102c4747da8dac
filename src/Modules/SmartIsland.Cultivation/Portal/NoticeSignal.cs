namespace SmartIsland.Cultivation.Portal;

/// <summary>
/// Tells the parts of one enterprise user's screen (the count on the portal link, the policies card) that a notice
/// was acknowledged, so they read again. Scoped: one per Blazor circuit, shared by the layout and the page.
/// </summary>
public sealed class NoticeSignal
{
    public event Func<Task>? Changed;

    public async Task RaiseAsync()
    {
        if (Changed is { } handlers)
        {
            foreach (var h in handlers.GetInvocationList().Cast<Func<Task>>()) await h();
        }
    }
}
