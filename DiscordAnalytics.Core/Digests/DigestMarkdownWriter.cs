using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Writes a weekly digest as Markdown from one analytics summary and the suggested actions a generator drafted
/// from that same summary. Every number comes from the summary (or is a <see cref="TotalsChange.Percent"/>), so
/// the digest passes <see cref="GroundingCheck"/>; for that reason nothing is numbered and names are taken only
/// from the summary's serialized lists (a content author or channel that is not in them stays unnamed).
/// User text is escaped with <see cref="MarkdownText.Escape"/>. Sections are <c>## </c> headings, which the
/// embed splitter turns into embed titles.
/// </summary>
public static partial class DigestMarkdownWriter
{
    /// <summary>List entries per section: enough for a weekly read, short enough for one Discord message.</summary>
    public const int ListLength = 5;

    /// <summary>Suggested actions shown (the issue asks for two or three).</summary>
    public const int MaxActions = 3;

    public static string Write(AnalyticsSummary summary, IReadOnlyList<ActionDraft> actions)
    {
        var md = new StringBuilder();
        md.Append("# Weekly digest: ").AppendLine(MarkdownText.Escape(summary.GuildName));
        if (summary.Daily.Count > 0)
        {
            md.Append("**").Append(Date(summary.Daily[0].Date)).Append(" to ").Append(Date(summary.Daily[^1].Date))
                .AppendLine("** (UTC days), compared with the week before.");
        }

        md.AppendLine();
        Headlines(md, summary);
        Channels(md, summary);
        Contributors(md, summary);
        Content(md, summary);
        Voice(md, summary);
        Support(md, summary);
        Actions(md, actions);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Headlines(StringBuilder md, AnalyticsSummary summary)
    {
        var changes = TotalsChange.FromSummary(summary).ToDictionary(c => c.Metric, StringComparer.Ordinal);
        md.AppendLine("## Headline numbers");
        foreach (var (metric, label) in new[]
        {
            ("messages", "Messages"), ("reactions", "Reactions"), ("active members", "Active members"),
            ("threads created", "New threads"), ("joins", "Joins"), ("leaves", "Leaves"),
        })
        {
            var change = changes[metric];
            md.Append("- **").Append(label).Append(":** ").Append(N(change.Current)).Append(" (").Append(Change(change)).AppendLine(")");
        }

        md.AppendLine();
    }

    private static string Change(TotalsChange change) => change switch
    {
        { HasEarlierData: false } => "no earlier data",
        { Current: var c, Previous: var p } when c == p => "no change",
        { Previous: 0 } => "none the week before",
        // Rounded to a whole percent, a small change would read "up 0%".
        { Percent: 0 } when change.Current > change.Previous => $"up slightly from {N(change.Previous)}",
        { Percent: 0 } => $"down slightly from {N(change.Previous)}",
        { Percent: var percent } when change.Current > change.Previous => $"up {N(percent!.Value)}% from {N(change.Previous)}",
        { Percent: var percent } => $"down {N(percent!.Value)}% from {N(change.Previous)}",
    };

    private static void Channels(StringBuilder md, AnalyticsSummary summary) =>
        CountList(md, "## Top channels", "No channel activity this week.",
            summary.TopChannels.Select(c => ("#", c.Name, c.MessageCount, c.ReactionCount)));

    private static void Contributors(StringBuilder md, AnalyticsSummary summary) =>
        CountList(md, "## Top contributors", "Nobody posted this week.",
            summary.TopMembers.Select(m => (string.Empty, m.Name, m.MessagesSent, m.ReactionsAdded)));

    /// <summary>A ranked section whose lines read "**name**: N messages, N reactions", silent rows left out.</summary>
    private static void CountList(StringBuilder md, string heading, string whenEmpty, IEnumerable<(string Prefix, string Name, long Messages, long Reactions)> rows)
    {
        md.AppendLine(heading);
        var lines = rows.Where(r => r.Messages > 0 || r.Reactions > 0).Take(ListLength).ToList();
        if (lines.Count == 0)
        {
            md.AppendLine(whenEmpty);
        }

        foreach (var line in lines)
        {
            md.Append("- **").Append(line.Prefix).Append(MarkdownText.Escape(line.Name)).Append("**: ")
                .Append(Count(line.Messages, "message")).Append(", ").AppendLine(Count(line.Reactions, "reaction"));
        }

        md.AppendLine();
    }

    private static void Content(StringBuilder md, AnalyticsSummary summary)
    {
        md.AppendLine("## Top content");
        var content = summary.TopContent.Where(c => c.ReactionScore > 0).Take(ListLength).ToList();
        if (content.Count == 0)
        {
            md.AppendLine("No reactions this week.");
        }

        var authors = summary.TopMembers.ToDictionary(m => m.DiscordUserId, m => m.Name, StringComparer.Ordinal);
        var channels = summary.TopChannels.ToDictionary(c => c.ChannelId, c => c.Name, StringComparer.Ordinal);
        foreach (var item in content)
        {
            var text = item.Excerpt is { Length: > 0 } excerpt ? $"“{MarkdownText.Escape(excerpt)}”" : "a message";
            md.Append("- ");
            if (JumpUrl().IsMatch(item.JumpUrl))
            {
                md.Append('[').Append(text).Append("](").Append(item.JumpUrl).Append(')');
            }
            else
            {
                md.Append(text);
            }

            if (item.AuthorDiscordUserId is { } author && authors.TryGetValue(author, out var name))
            {
                md.Append(" by **").Append(MarkdownText.Escape(name)).Append("**");
            }

            if (channels.TryGetValue(item.ChannelId, out var channel))
            {
                md.Append(" in #").Append(MarkdownText.Escape(channel));
            }

            md.Append(": ").AppendLine(Count(item.ReactionScore, "reaction"));
        }

        md.AppendLine();
    }

    /// <summary>Voice minutes with their change and the busiest voice channels; no section in a week without voice.</summary>
    private static void Voice(StringBuilder md, AnalyticsSummary summary)
    {
        var change = TotalsChange.FromSummary(summary).Single(c => c.Metric == "voice minutes");
        if (change.Current <= 0)
        {
            return;
        }

        md.AppendLine("## Voice");
        md.Append("- **Voice minutes:** ").Append(N(change.Current)).Append(" (").Append(Change(change)).AppendLine(")");
        foreach (var channel in (summary.TopVoiceChannels ?? []).Where(c => c.Minutes > 0).Take(ListLength))
        {
            md.Append("- **").Append(MarkdownText.Escape(channel.Name)).Append("**: ").AppendLine(Count(channel.Minutes, "minute"));
        }

        md.AppendLine();
    }

    private static void Support(StringBuilder md, AnalyticsSummary summary)
    {
        var support = summary.SupportSignals;
        md.AppendLine("## Support health");
        md.Append("- Unanswered help threads: ").AppendLine(N(support.UnansweredThreads));
        md.Append("- Median first response: ").AppendLine(support.MedianFirstResponseMinutes is { } minutes
            ? $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes"
            : "no answered help threads");
        if (support.CommonKeywords.Count > 0)
        {
            md.Append("- Common topics: ").AppendLine(string.Join(", ", support.CommonKeywords.Take(ListLength)
                .Select(k => $"{MarkdownText.Escape(k.Keyword)} ({N(k.Count)})")));
        }

        md.AppendLine();
    }

    private static void Actions(StringBuilder md, IReadOnlyList<ActionDraft> actions)
    {
        md.AppendLine("## Suggested actions");
        if (actions.Count == 0)
        {
            md.AppendLine("Nothing to suggest this week.");
        }

        foreach (var action in actions.Take(MaxActions))
        {
            // A generator's texts quote names and keywords (user text) and, on the model path, are model output:
            // both are shown as plain text.
            md.Append("- **").Append(MarkdownText.Escape(action.Title)).Append("**: ").AppendLine(MarkdownText.Escape(action.Text));
        }
    }

    private static string Count(long value, string noun) => $"{N(value)} {noun}{(value == 1 ? string.Empty : "s")}";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Only links we can vouch for: Discord message links made of ids.</summary>
    [GeneratedRegex("^https://discord\\.com/channels/[0-9]+/[0-9]+/[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex JumpUrl();
}
