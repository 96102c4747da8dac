using SmartIsland.Enterprises.Features;

namespace SmartIsland.IntegrationTests.Support;

internal static class InputExtensions
{
    public static EnterpriseInput WithName(this EnterpriseInput input, string name)
    {
        input.Name = name;
        return input;
    }
}
