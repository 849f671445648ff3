using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Tests.Insights;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>The weekly digest has a Voice section when the week had voice, and none when it had not.</summary>
public sealed class DigestVoiceTests
{
    [Fact]
    public async Task Write_WeekWithVoice_VoiceSectionWithChangeAndChannelsGrounded()
    {
        var summary = OfflineVoiceInsightTests.Voiced(600, 400);
        var report = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);

        var markdown = DigestMarkdownWriter.Write(summary, report.Actions);

        Assert.Contains("## Voice\n- **Voice minutes:** 600 (up 50% from 400)\n- **Lounge**: 450 minutes\n- **Stage**: 150 minutes\n", markdown, StringComparison.Ordinal);
        Assert.True(GroundingCheck.Check(summary, [markdown]).IsGrounded, string.Join(", ", GroundingCheck.Check(summary, [markdown]).Violations));
    }

    [Fact]
    public async Task Write_WeekWithoutVoice_NoVoiceSection()
    {
        var summary = DigestSummaries.Busy();
        var report = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);

        Assert.DoesNotContain("## Voice", DigestMarkdownWriter.Write(summary, report.Actions), StringComparison.Ordinal);
    }
}
