using System.Globalization;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Forgetting a member: deleted everywhere, in the batch's one transaction with the rollups.</summary>
public sealed partial class IngestionBatchWriter
{
    /// <summary>
    /// Titles of threads the member started (their thread creates; forum posts and threads started from one of their
    /// messages, whose id is that message's) become empty: a title is their words. Also in the backfill progress rows,
    /// which copy thread names. Prepared per forget (forgets are rare), so the hot path's statements stay as they are.
    /// </summary>
    private const string ScrubThreadNamesSql = """
        UPDATE {0} SET name = ''
        WHERE guildId = @p0 AND isThread AND name <> '' AND (
            channelId IN (SELECT CAST(eventId AS INTEGER) FROM analyticsEvents WHERE guildId = @p0 AND eventType = 'thread_create' AND userId = @p1)
            OR channelId IN (SELECT messageId FROM messageFacts WHERE guildId = @p0 AND authorId = @p1))
        """;

    private static readonly string[] TablesWithThreadNames = ["channels", "backfillChannels"];

    /// <summary>Guilds of the batch that forgot a member: their numbers changed without a new event.</summary>
    private readonly HashSet<long> _forgetIn = [];

    /// <summary>
    /// Removes the member as if they had never been there: each message they wrote is subtracted like a delete (with the
    /// reactions on it) and kept only as a tombstone with no author and no excerpt, so a late update or reaction counts
    /// nothing; each reaction of theirs is subtracted and deleted; threads they started leave the thread counts; their
    /// member rollups, member row and raw events go; titles of threads they started are emptied. Joins and leaves stay: anonymous numbers with no id behind them.
    /// From then on <see cref="ForgottenMembers"/> drops every event from them.
    /// </summary>
    private void ForgetMember(IngestionStatements sql, long guild, long user, long at)
    {
        var messages = new List<(long Id, long Channel, int Day, bool IsBot, bool Counted, long CreatedAt, bool Present)>();
        using (var reader = sql.SelectMessagesOfAuthor.Query(guild, user))
        {
            while (reader.Read())
            {
                messages.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt64(5), reader.GetBoolean(6)));
            }
        }

        foreach (var m in messages)
        {
            _deltas.ExcerptDays.Add((guild, m.Day));
            if (m.Counted)
            {
                _deltas.Channel(guild, m.Day, m.Channel, m.IsBot).Messages--;
                _deltas.QuarterHour(guild, m.CreatedAt, m.Channel, m.IsBot, -1);
            }

            if (m.Present)
            {
                // Not a delete (the channel's deleted count stays), but it takes its reactions with it all the same.
                TakeReactionsOf(sql, guild, m.Id);
            }
        }

        // Before their messages lose their author and their thread creates go: both say which threads were theirs.
        foreach (var table in TablesWithThreadNames)
        {
            using var scrub = new PreparedStatement(_connection!, string.Format(CultureInfo.InvariantCulture, ScrubThreadNamesSql, table));
            scrub.Execute(guild, user);
        }

        sql.TombstoneMessagesOfAuthor.Execute(guild, user, at);

        using (var reader = sql.DeleteReactionFactsOfUser.Query(guild, user))
        {
            while (reader.Read())
            {
                if (!reader.GetBoolean(4))
                {
                    continue;
                }

                var (message, channel, day, isBot) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetBoolean(3));
                _deltas.Channel(guild, day, channel, isBot).Reactions--;
                _deltas.Message(guild, message, day, channel).AddReaction(isBot, -1);
            }
        }

        using (var reader = sql.SelectThreadsStartedBy.Query(guild, user))
        {
            while (reader.Read())
            {
                _deltas.Channel(guild, DayBucket.Of(reader.GetInt64(0)), reader.GetInt64(2), reader.GetBoolean(1)).Threads--;
            }
        }

        _deltas.ForgetMember(guild, user);
        sql.DeleteMemberDailyOfUser.Execute(guild, user);
        sql.DeleteMemberOfUser.Execute(guild, user);
        _activation.Forgotten(guild, user);
        sql.DeleteRawEventsOfUser.Execute(guild, user);
        sql.DeleteDeadLettersOfUser.Execute(guild, user);
        sql.RecordForgotten.Execute(guild, user, at);
        _forgotten.Add(sql, guild, user);
        _forgetIn.Add(guild);
    }
}
