using Scalar.AspNetCore;
using SmartIsland.Host.Components;
using SmartIsland.Host.DemoData;
using SmartIsland.Host.Hosting;

// SmartIsland (智慧岛): one host, one module per area. This file is the table of contents.
var builder = WebApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder.Configuration);

builder.Services
    .AddPlatformDatabase(settings)
    .AddModules(builder.Configuration, settings)
    .AddDemoData()
    .AddScheduling(builder.Configuration, settings)
    .AddPlatformWeb(builder.Configuration, settings);

var app = builder.Build();

// Operator commands (migrate, verify-audit) run and exit without serving.
if (args.FirstOrDefault(a => OperatorCommands.Names.Contains(a)) is { } command)
{
    return await OperatorCommands.RunAsync(command, app.Services, settings);
}

await DatabaseHosting.MigrateAndSeedAsync(app.Services, settings);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
// The reference is served from the package itself; no fonts, telemetry or proxy from outside (no network at run time).
app.MapScalarApiReference("/api/docs", o => o.DisableDefaultFonts().DisableTelemetry());
app.MapHealthChecks("/health");
app.MapModules();
app.MapAuditApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(ModuleCatalog.PageAssemblies);

await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
