using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Backfill.GapRepair;

/// <summary>The gap repair settings are checked when the app starts, not when the first session needs them.</summary>
public sealed class GapRepairOptionsTests
{
    [Theory]
    [InlineData("Backfill:GapRepairAfter", "-00:01:00", "GapRepairAfter")]
    [InlineData("Backfill:GapRepairAfter", "2.00:00:00", "GapRepairAfter")]
    [InlineData("Backfill:GapRepairMargin", "-00:00:01", "GapRepairMargin")]
    public async Task Start_OutOfRange_FailsNamingTheSetting(string key, string value, string named)
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = app.StartFailure();

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
