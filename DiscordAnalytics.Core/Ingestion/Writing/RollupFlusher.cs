using System.Runtime.InteropServices;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Writes the batch's summed counter changes (<see cref="RollupDeltas"/>) to the rollup tables, each row upserted once
/// per batch, inside the batch's transaction.
/// </summary>
internal sealed class RollupFlusher(WriteContext context)
{
    private readonly byte[] _quarterHourCounts = new byte[QuarterHourCounts.StoredLength];

    public void Flush()
    {
        var (sql, deltas) = (context.Sql, context.Deltas);
        foreach (var ((guild, day, channel, isBot), d) in deltas.Channels)
        {
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0 || d.Deleted != 0)
            {
                sql.AddChannelDaily.Execute(guild, day, channel, isBot, d.Messages, d.Reactions, d.Threads, d.Deleted);
            }
        }

        foreach (var ((guild, day, channel, isBot), messages) in deltas.QuarterHours)
        {
            AddQuarterHours(guild, day, channel, isBot, messages);
        }

        FlushMembers();

        foreach (var ((guild, day, isBot), d) in deltas.Guilds)
        {
            sql.AddGuildDaily.Execute(guild, day, isBot, d.Joins, d.Leaves);
        }

        foreach (var ((guild, message), d) in deltas.Content)
        {
            if (d.Score == 0 && d.BotScore == 0)
            {
                continue;
            }

            sql.AddTopContent.Execute(guild, message, d.Day, d.ChannelId, d.Score, d.BotScore);
            if (d.Score < 0 || d.BotScore < 0)
            {
                sql.DropEmptyTopContent.Execute(guild, message);
            }
        }

        foreach (var ((guild, day, isBot), d) in deltas.Kinds)
        {
            if (!d.IsEmpty)
            {
                sql.AddMessageKindDay.Execute(guild, day, isBot, d.Messages, d.WithAttachments, d.WithLinks, d.Replies, d.WithMentions, d.TotalLength);
            }
        }

        foreach (var ((guild, day, emoji, isBot), change) in deltas.Emojis)
        {
            if (change != 0)
            {
                sql.AddEmojiDay.Execute(guild, day, emoji, isBot, change);
                if (change < 0)
                {
                    sql.DropEmptyEmojiDay.Execute(guild, day, emoji, isBot);
                }
            }
        }

        context.Voice.Flush();

        foreach (var (guild, day) in deltas.KeywordDaysToDrop)
        {
            sql.DropKeywordDay.Execute(guild, day);
        }

        foreach (var (guild, lastEventAt) in deltas.LastEventAt)
        {
            sql.TouchGuild.Execute(guild, context.GuildMode, lastEventAt);
        }
    }

    /// <summary>
    /// Member-day rows, then one version step per (guild, day) they touched, each day's deltas kept with its new version
    /// for the in-memory member days (<see cref="WriteContext.MemberDayCommits"/>).
    /// </summary>
    private void FlushMembers()
    {
        var sql = context.Sql;
        var days = new Dictionary<(long Guild, int Day), List<MemberDayDelta>>();
        foreach (var ((guild, day, user), d) in context.Deltas.Members)
        {
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0 || d.VoiceMs != 0)
            {
                sql.AddMemberDaily.Execute(guild, day, user, d.IsBot, d.Messages, d.Reactions, d.Threads, d.VoiceMs, d.TalkMs);
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (guild, day), out _);
                (list ??= []).Add(new MemberDayDelta(user, d.IsBot, d.Messages, d.Reactions, d.Threads) { TalkMs = d.TalkMs });
            }
        }

        foreach (var ((guild, day), list) in days)
        {
            foreach (var changed in sql.BumpMemberDayVersion.Rows(guild, day))
            {
                context.MemberDayCommits.Add(new MemberDayCommit(guild, day, changed.Version, list, ForgottenUser: null));
            }
        }
    }

    /// <summary>
    /// Adds a channel-day's quarter-hour deltas to its stored counts: read, added and written back whole (SQL cannot
    /// add two blobs element-wise). One read and one write per channel and day of the batch.
    /// </summary>
    private void AddQuarterHours(long guild, int day, long channel, bool isBot, long[] deltas)
    {
        if (!deltas.AsSpan().ContainsAnyExcept(0))
        {
            return;
        }

        Span<long> counts = stackalloc long[QuarterHourCounts.PerDay];
        foreach (var stored in context.Sql.SelectChannelDayQuarterHours.Rows(guild, day, channel, isBot))
        {
            QuarterHourCounts.AddTo(stored.Counts, counts);
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += deltas[i];
        }

        QuarterHourCounts.Write(counts, _quarterHourCounts);
        context.Sql.SetChannelDayQuarterHours.Execute(guild, day, channel, isBot, _quarterHourCounts);
    }
}
