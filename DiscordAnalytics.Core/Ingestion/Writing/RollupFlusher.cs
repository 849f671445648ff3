using System.Runtime.InteropServices;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.ChannelDays;
using DiscordAnalytics.Core.Storage.MemberDays;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Writes the batch's summed counter changes (<see cref="RollupDeltas"/>) to the rollup tables, each row upserted once
/// per batch, inside the batch's transaction. On PostgreSQL each table's rows go as one multi-row statement
/// (<see cref="Sql.RollupStatement"/>), sent where the table's loop ends, so the order of the tables' writes is the same on both.
/// </summary>
internal sealed class RollupFlusher(WriteContext context)
{
    /// <summary>
    /// Reacted messages whose scores a batch reads back for the in-memory channel days, at most: a live batch's few, never
    /// a bulk batch's thousands (one point read each; without them a day whose leaders are cut is read again).
    /// </summary>
    internal const int ScoresReadBackPerBatch = 64;

    public void Flush()
    {
        var (sql, deltas) = (context.Sql, context.Deltas);
        FlushChannelDays();
        FlushMembers();

        foreach (var ((guild, day, isBot), d) in deltas.Guilds)
        {
            sql.AddGuildDaily.Add(guild, day, isBot, d.Joins, d.Leaves);
        }

        sql.AddGuildDaily.Send();

        foreach (var ((guild, day, isBot), d) in deltas.Kinds)
        {
            if (!d.IsEmpty)
            {
                sql.AddMessageKindDay.Add(guild, day, isBot, d.Messages, d.WithAttachments, d.WithLinks, d.Replies, d.WithMentions, d.TotalLength);
            }
        }

        sql.AddMessageKindDay.Send();

        FlushEmojis(deltas.Emojis, sql.AddEmojiDay, sql.DropEmptyEmojiDay);
        FlushEmojis(deltas.ContentEmojis, sql.AddContentEmojiDay, sql.DropEmptyContentEmojiDay);

        context.Voice.Flush();

        FlushKeywordDays();

        foreach (var (guild, lastEventAt) in deltas.LastEventAt)
        {
            sql.TouchGuild.Defer(guild, context.GuildMode, lastEventAt);
        }
    }

    /// <summary>
    /// Channel rollups, quarter hours and top content, then one version step per (guild, day) they touched, each day's
    /// changes summed over its channels and kept with its new version for the in-memory channel days
    /// (<see cref="WriteContext.ChannelDayCommits"/>).
    /// </summary>
    private void FlushChannelDays()
    {
        var (sql, deltas) = (context.Sql, context.Deltas);
        var days = new Dictionary<(long Guild, int Day), ChannelDayCommit>();
        ChannelDayCommit Day(long guild, int day)
        {
            ref var commit = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (guild, day), out _);
            return commit ??= new ChannelDayCommit(guild, day);
        }

        foreach (var ((guild, day, channel, isBot), d) in deltas.Channels)
        {
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0 || d.Deleted != 0)
            {
                sql.AddChannelDaily.Add(guild, day, channel, isBot, d.Messages, d.Reactions, d.Threads, d.Deleted);
                var (commit, change) = (Day(guild, day), new ChannelDayChange(d.Messages, d.Reactions, d.Threads, d.Deleted));
                (commit.Humans, commit.Bots) = isBot ? (commit.Humans, commit.Bots + change) : (commit.Humans + change, commit.Bots);
            }
        }

        sql.AddChannelDaily.Send();

        // On PostgreSQL the stored counts of every channel-day come in one statement; on SQLite each is one in-process read.
        var stored = context.Connection is NpgsqlConnection npgsql
            ? StoredQuarterHoursOfBatch.Read(npgsql, [.. deltas.QuarterHours.Where(q => q.Value.AsSpan().ContainsAnyExcept(0)).Select(q => q.Key)])
            : null;
        foreach (var ((guild, day, channel, isBot), messages) in deltas.QuarterHours)
        {
            if (AddQuarterHours(guild, day, channel, isBot, messages, stored))
            {
                var commit = Day(guild, day);
                var sums = isBot ? commit.BotQuarterHours : commit.HumanQuarterHours;
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] += messages[i];
                }
            }
        }

        sql.SetChannelDayQuarterHours.Send();

        foreach (var ((guild, message), d) in deltas.Content)
        {
            if (d.Score == 0 && d.BotScore == 0)
            {
                continue;
            }

            sql.AddTopContent.Add(guild, message, d.Day, d.ChannelId, d.Score, d.BotScore);
            if (d.Score < 0 || d.BotScore < 0)
            {
                sql.DropEmptyTopContent.Add(guild, message);
            }

            Day(guild, d.Day).Content.Add(new ContentChange(message, d.ChannelId, d.Score, d.BotScore));
        }

        // Every message's scores are added before any row is dropped for reaching zero (each drop follows its own add).
        sql.AddTopContent.Send();
        sql.DropEmptyTopContent.Send();

        if (context.ReadsContentScoresBack && days.Values.Sum(c => c.Content.Count) <= ScoresReadBackPerBatch)
        {
            foreach (var commit in days.Values)
            {
                ReadScoresBack(commit);
            }
        }

        foreach (var ((guild, day), commit) in days)
        {
            foreach (var changed in sql.BumpChannelDayVersion.Rows(guild, day))
            {
                commit.Version = changed.Version;
                context.ChannelDayCommits.Add(commit);
            }
        }
    }

    /// <summary>Each changed message's scores after the batch's upserts (no row left: both zero).</summary>
    private void ReadScoresBack(ChannelDayCommit commit)
    {
        for (var i = 0; i < commit.Content.Count; i++)
        {
            var change = commit.Content[i];
            (long, long) after = (0, 0);
            foreach (var stored in context.Sql.SelectTopContentScores.Rows(commit.Guild, change.MessageId))
            {
                after = (stored.Score, stored.BotScore);
            }

            commit.Content[i] = change with { ScoresAfter = after };
        }
    }

    /// <summary>
    /// Days whose counted excerpts changed lose their stored keywords and step their keyword version (rewritten unless
    /// the day only gained messages newer than all of its others: <see cref="Storage.Entities.KeywordDayVersion"/>).
    /// </summary>
    private void FlushKeywordDays()
    {
        var (sql, deltas) = (context.Sql, context.Deltas);
        foreach (var (guild, day) in deltas.KeywordDaysToDrop)
        {
            var (firstId, lastId) = deltas.KeywordDaysCreated.GetValueOrDefault((guild, day));
            Bump(guild, day, rewritten: true, firstId, lastId);
        }

        foreach (var ((guild, day), (firstId, lastId)) in deltas.KeywordDaysCreated)
        {
            if (!deltas.KeywordDaysToDrop.Contains((guild, day)))
            {
                Bump(guild, day, rewritten: false, firstId, lastId);
            }
        }

        void Bump(long guild, int day, bool rewritten, long firstId, long lastId)
        {
            sql.DropKeywordDay.Defer(guild, day);
            var (aroundFirst, aroundEnd) = MessageIdRange.AroundDays(day, day + 1);
            sql.BumpKeywordDayVersion.Defer(guild, day, rewritten, firstId, lastId, aroundFirst, aroundEnd);
        }
    }

    /// <summary>
    /// Member-day rows, then one version step per (guild, day) they touched, each day's deltas (and voice rows) kept with its new version
    /// for the in-memory member and voice days (<see cref="WriteContext.MemberDayCommits"/>). A day whose changes summed to nothing
    /// (one message posted and another deleted by the same member) steps too, with no deltas: the local-day streaks
    /// (<see cref="Analytics.Streaks.LocalStreakDays"/>) read a day's message and reaction times again when it steps,
    /// and those times did change.
    /// </summary>
    private void FlushMembers()
    {
        var sql = context.Sql;
        var days = new Dictionary<(long Guild, int Day), List<MemberDayDelta>>();
        foreach (var ((guild, day, user), d) in context.Deltas.Members)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (guild, day), out _);
            list ??= [];
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0 || d.VoiceMs != 0)
            {
                sql.AddMemberDaily.Add(guild, day, user, d.IsBot, d.Messages, d.Reactions, d.Threads, d.VoiceMs, d.TalkMs);
                list.Add(new MemberDayDelta(user, d.IsBot, d.Messages, d.Reactions, d.Threads) { TalkMs = d.TalkMs });
            }
        }

        sql.AddMemberDaily.Send();

        // Voice time always comes with its member's voice milliseconds of the same day: each voice row is in one of these days.
        var voice = context.Voice.ChangesByDay();
        foreach (var ((guild, day), list) in days)
        {
            foreach (var changed in sql.BumpMemberDayVersion.Rows(guild, day))
            {
                context.MemberDayCommits.Add(new MemberDayCommit(guild, day, changed.Version, list, ForgottenUser: null)
                {
                    Voice = voice.GetValueOrDefault((guild, day)) ?? [],
                });
            }
        }
    }

    /// <summary>
    /// Adds a channel-day's quarter-hour deltas to its stored counts: read, added and written back whole (SQL cannot
    /// add two blobs element-wise). One read and one write per channel and day of the batch (the reads all at once when
    /// <paramref name="read"/> holds them). False when there was nothing to add.
    /// </summary>
    private bool AddQuarterHours(long guild, int day, long channel, bool isBot, long[] deltas, Dictionary<(long, int, long, bool), byte[]>? read)
    {
        if (!deltas.AsSpan().ContainsAnyExcept(0))
        {
            return false;
        }

        Span<long> counts = stackalloc long[QuarterHourCounts.PerDay];
        if (read is not null)
        {
            if (read.TryGetValue((guild, day, channel, isBot), out var storedCounts))
            {
                QuarterHourCounts.AddTo(storedCounts, counts);
            }
        }
        else
        {
            foreach (var stored in context.Sql.SelectChannelDayQuarterHours.Rows(guild, day, channel, isBot))
            {
                QuarterHourCounts.AddTo(stored.Counts, counts);
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += deltas[i];
        }

        // A new blob per write: a queued write (PostgreSQL) holds its value until its round trip, after later ones are made.
        var blob = new byte[QuarterHourCounts.StoredLength];
        QuarterHourCounts.Write(counts, blob);
        context.Sql.SetChannelDayQuarterHours.Add(guild, day, channel, isBot, blob);
        return true;
    }

    private static void FlushEmojis(Dictionary<(long Guild, int Day, string Emoji, bool IsBot), long> changes, Sql.RollupStatement add, Sql.RollupStatement dropEmpty)
    {
        foreach (var ((guild, day, emoji, isBot), change) in changes)
        {
            if (change != 0)
            {
                add.Add(guild, day, emoji, isBot, change);
                if (change < 0)
                {
                    dropEmpty.Add(guild, day, emoji, isBot);
                }
            }
        }

        // Each emoji-day's row once its change is added: a count may reach zero only then.
        add.Send();
        dropEmpty.Send();
    }
}
