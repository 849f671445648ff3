using System.Text;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Digests;

public sealed class DigestEmbedSplitterTests
{
    [Fact]
    public async Task Split_WeeklyDigest_OneMessageWithAnEmbedPerSectionTitledByItsHeading()
    {
        var summary = DigestSummaries.Hostile();
        var report = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);

        var messages = DigestEmbedSplitter.Split(DigestMarkdownWriter.Write(summary, report.Actions));

        var message = Assert.Single(messages);
        Assert.Equal(
            ["Weekly digest: <@&900000000000000777> **Room**", "Headline numbers", "Top channels", "Top contributors", "Top content", "Support health", "Suggested actions"],
            message.Embeds.Select(e => e.Title));
        Assert.StartsWith("**2026-11-14 to 2026-11-20**", message.Embeds[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_HugeDigest_EveryMessageWithinDiscordLimitsAndNoTextLost()
    {
        var markdown = HugeDigest();

        var messages = DigestEmbedSplitter.Split(markdown);

        Assert.InRange(markdown.Length, 40_000, DigestService.MaxMarkdownLength);
        Assert.True(messages.Count > 3, "a digest of this size needs several messages");
        foreach (var message in messages)
        {
            Assert.InRange(message.Embeds.Count, 1, EmbedLimits.EmbedsPerMessage);
            Assert.InRange(message.Length, 1, EmbedLimits.TotalPerMessage);
            foreach (var embed in message.Embeds)
            {
                Assert.InRange(embed.Title?.Length ?? 0, 0, EmbedLimits.Title);
                Assert.InRange(embed.Description.Length, 0, EmbedLimits.Description);
                Assert.True(IsWellFormed(embed.Description) && IsWellFormed(embed.Title ?? string.Empty), "no embed ends or starts inside a surrogate pair");
            }
        }

        // Nothing lost: the non-heading text, in order, is exactly the embeds' text (line breaks and cut spaces aside).
        var expected = string.Concat(markdown.Split('\n').Where(l => !l.StartsWith('#')).Select(l => l.Replace(" ", string.Empty, StringComparison.Ordinal)));
        var actual = string.Concat(messages.SelectMany(m => m.Embeds).Select(e => e.Description.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(expected, actual);
        Assert.Equal(13, messages.SelectMany(m => m.Embeds).Count(e => e.Title is not null));
        Assert.Equal(new string('T', EmbedLimits.Title - 1) + "…", messages.SelectMany(m => m.Embeds).Last(e => e.Title is not null).Title);
    }

    [Fact]
    public void Split_SameMarkdown_SameMessages()
    {
        var markdown = HugeDigest();

        var first = DigestEmbedSplitter.Split(markdown);
        var second = DigestEmbedSplitter.Split(markdown);

        Assert.Equal(first.SelectMany(m => m.Embeds), second.SelectMany(m => m.Embeds));
        Assert.Equal(first.Select(m => m.Embeds.Count), second.Select(m => m.Embeds.Count));
    }

    /// <summary>
    /// 10 sections of 30 lines, one section with a 10,000-character line of emoji and no spaces (cut at the
    /// limit, where a surrogate pair straddles it), one with a 9,000-character line of words, a 400-character title.
    /// </summary>
    internal static string HugeDigest()
    {
        var md = new StringBuilder("# Weekly digest: Big Server\n");
        for (var s = 0; s < 10; s++)
        {
            md.Append("## Section ").Append(s).Append('\n');
            for (var l = 0; l < 30; l++)
            {
                md.Append("- **member").Append(l).Append("**: ").Append(new string('x', 60 + (s * 7 % 50))).Append('\n');
            }
        }

        md.Append("## Emoji wall\n").Append('a').Append(string.Concat(Enumerable.Repeat("😀", 5_000))).Append('\n');
        md.Append("## ").Append(new string('T', 400)).Append('\n').Append(string.Join(' ', Enumerable.Repeat("word", 1_800))).Append('\n');
        return md.ToString();
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
