using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>The offline generator mentions voice when the window had some: minutes, their change, the busiest voice channel; grounded.</summary>
public sealed class OfflineVoiceInsightTests
{
    private readonly OfflineInsightGenerator _generator = new();

    [Fact]
    public async Task Generate_WindowWithVoice_OneGroundedLineWithMinutesChangeAndTopChannel()
    {
        var summary = Voiced(600, 400);

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var voice = Assert.Single(report.Insights, i => i.Kind == InsightKind.Voice);
        Assert.Equal("Voice: Lounge leads", voice.Title);
        Assert.Equal("Members spent 600 minutes in voice this window, up 50% from 400. Lounge was the busiest voice channel with 450 minutes.", voice.Text);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_VoiceNewThisWindow_SaysNoneBefore()
    {
        var report = await _generator.GenerateAsync(Voiced(90, 0), CancellationToken.None);

        Assert.Contains("Members spent 90 minutes in voice this window, none in the previous one.", Assert.Single(report.Insights, i => i.Kind == InsightKind.Voice).Text, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_NoVoice_NoVoiceLine()
    {
        var report = await _generator.GenerateAsync(InsightSummaries.Busy() with { TopVoiceChannels = [] }, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.Voice);
        Assert.DoesNotContain(report.Texts, t => t.Contains("voice", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The busy week with voice: Lounge and Stage, their minutes scaled to the given totals.</summary>
    internal static AnalyticsSummary Voiced(long minutes, long previous)
    {
        var busy = InsightSummaries.Busy();
        return busy with
        {
            Totals = busy.Totals with { VoiceMinutes = minutes },
            PreviousTotals = busy.PreviousTotals with { VoiceMinutes = previous },
            TopVoiceChannels =
            [
                new VoiceChannelStat("900000000000000050", "Lounge", minutes * 3 / 4, previous * 3 / 4),
                new VoiceChannelStat("900000000000000051", "Stage", minutes / 4, previous / 4),
            ],
        };
    }
}
