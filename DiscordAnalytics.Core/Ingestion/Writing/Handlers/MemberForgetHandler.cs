using System.Globalization;
using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Forgets a member, in the batch's one transaction with the rollups: deleted everywhere, as if they had never been
/// there. From then on <see cref="Caches.ForgottenMembers"/> drops every event from them.
/// </summary>
internal sealed class MemberForgetHandler(WriteContext context, ReactionRemovals removals)
{
    /// <summary>
    /// Titles of threads the member started (their thread creates; forum posts and threads started from one of their
    /// messages, whose id is that message's) become empty: a title is their words. Also in the backfill progress rows,
    /// which copy thread names. Prepared per forget (forgets are rare), so the hot path's statements stay as they are.
    /// </summary>
    private const string ScrubThreadNamesSql = $$"""
        UPDATE {0} SET name = ''
        WHERE guildId = @p0 AND isThread AND name <> '' AND (
            channelId IN (SELECT CAST(eventId AS BIGINT) FROM analyticsEvents WHERE guildId = @p0 AND eventType = '{{StoredEventTypes.ThreadCreate}}' AND userId = @p1)
            OR channelId IN (SELECT messageId FROM messageFacts WHERE guildId = @p0 AND authorId = @p1))
        """;

    private static readonly string[] TablesWithThreadNames = ["channels", "backfillChannels"];

    /// <summary>The activity roles' records of them: the roles the app holds for them and its log of their changes.</summary>
    private static readonly string[] ActivityRoleTables = ["roleGrants", "roleChanges"];

    /// <summary>
    /// Each message they wrote is subtracted like a delete (with the reactions on it) and kept only as a tombstone with
    /// no author and no excerpt, so a late update or reaction counts nothing; each reaction of theirs is subtracted and
    /// deleted; threads they started leave the thread counts; their member rollups, member row, raw events, dead
    /// letters and activity-role records go; their voice time and session go; their role spans go; titles of threads they started are emptied. Joins and leaves stay: anonymous numbers with no id
    /// behind them.
    /// </summary>
    public void Apply(MemberForgotten forgotten)
    {
        var (guild, user) = (forgotten.Guild, forgotten.User);
        var (sql, deltas) = (context.Sql, context.Deltas);

        // Read whole before any of them changes: the statements below write to the rows being read.
        var messages = new List<AuthoredMessage>();
        foreach (var message in sql.SelectMessagesOfAuthor.Rows(guild, user))
        {
            messages.Add(message);
        }

        foreach (var message in messages)
        {
            context.Support.Changed(guild, message.Message);
            deltas.KeywordDaysToDrop.Add((guild, message.Day));
            if (message.Counted)
            {
                deltas.Channel(guild, message.Day, message.Channel, message.IsBot).Messages--;
                deltas.QuarterHour(guild, message.CreatedAt, message.Channel, message.IsBot, -1);
                deltas.MessageKind(guild, message.Day, message.IsBot, message.Kinds, message.Length, -1);
                deltas.MessageEmojis(guild, message.Day, message.IsBot, message.Emojis, -1);
            }

            if (message.Present)
            {
                // Not a delete (the channel's deleted count stays), but it takes its reactions with it all the same.
                removals.TakeAllOf(guild, message.Message);
            }
        }

        // Before their messages lose their author and their thread creates go: both say which threads were theirs.
        foreach (var table in TablesWithThreadNames)
        {
            using var scrub = PreparedStatement.Create(context.Connection, string.Format(CultureInfo.InvariantCulture, ScrubThreadNamesSql, table));
            scrub.Execute(guild, user);
        }

        sql.TombstoneMessagesOfAuthor.Execute(guild, user, forgotten.At);

        foreach (var reaction in sql.DeleteReactionFactsOfUser.Rows(guild, user))
        {
            if (reaction.WasPresent)
            {
                deltas.Channel(guild, reaction.Day, reaction.Channel, reaction.IsBot).Reactions--;
                deltas.Message(guild, reaction.Message, reaction.Day, reaction.Channel).AddReaction(reaction.IsBot, -1);
                deltas.Emoji(guild, reaction.Day, reaction.Emoji, reaction.IsBot, -1);
            }
        }

        foreach (var thread in sql.SelectThreadsStartedBy.Rows(guild, user))
        {
            deltas.Channel(guild, DayBucket.FromUnixMs(thread.CreatedAt), thread.CountedChannel, thread.IsBot).Threads--;
        }

        deltas.ForgetMember(guild, user);
        foreach (var changed in sql.BumpMemberDayVersionsOfUser.Rows(guild, user))
        {
            context.MemberDayCommits.Add(new MemberDayCommit(guild, changed.Day, changed.Version, [], ForgottenUser: user));
        }

        sql.DeleteMemberDailyOfUser.Execute(guild, user);
        context.Voice.Forget(guild, user);
        context.Roles.Forget(guild, user);
        // Their joins and attributions go with their member row; as an inviter they stay counted, never named.
        sql.DeleteMemberOfUser.Execute(guild, user);
        context.Joins.DeleteJoinsOfUser.Execute(guild, user);
        context.Invites.ForgetInviter.Execute(guild, user);
        context.Activation.Forgotten(guild, user);
        sql.DeleteRawEventsOfUser.Execute(guild, user);
        sql.DeleteDeadLettersOfUser.Execute(guild, user);
        foreach (var table in ActivityRoleTables)
        {
            using var delete = PreparedStatement.Create(context.Connection, string.Format(CultureInfo.InvariantCulture, "DELETE FROM {0} WHERE guildId = @p0 AND userId = @p1", table));
            delete.Execute(guild, user);
        }

        sql.RecordForgotten.Execute(guild, user, forgotten.At);
        context.Forgotten.Add(guild, user);
        context.ForgetIn.Add(guild);
    }
}
