using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Handlers;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Hands each valid event, typed once as its kind's view, to that kind's handler, after the checks every kind shares:
/// nothing of a forgotten member is applied, and every kind but the metadata upserts, creates and reaction adds keeps
/// a raw event row whose key dedupes it.
/// </summary>
internal sealed class EventRouter
{
    private readonly WriteContext _context;
    private readonly MemberForgetHandler _forgets;
    private readonly GuildUpsertHandler _guilds;
    private readonly ChannelUpsertHandler _channels;
    private readonly MemberUpsertHandler _members;
    private readonly MessageCreateHandler _creates;
    private readonly ReactionAddHandler _reactionAdds;
    private readonly ThreadCreateHandler _threads;
    private readonly MemberJoinHandler _joins;
    private readonly MemberLeaveHandler _leaves;
    private readonly MessageEditHandler _edits;
    private readonly MessageDeleteHandler _deletes;
    private readonly ReactionRemoveHandler _reactionRemoves;
    private readonly ReactionRemoveAllHandler _reactionClears;
    private readonly ReactionRemoveEmojiHandler _emojiClears;
    private readonly ReactionCountHandler _reactionCounts;
    private readonly VoiceStateHandler _voiceStates;
    private readonly VoiceSyncHandler _voiceSyncs;
    private readonly VoiceCheckpointHandler _voiceCheckpoints;
    private readonly RoleUpsertHandler _roles;
    private readonly RoleDeleteHandler _roleDeletes;
    private readonly RoleSnapshotHandler _roleSnapshots;
    private readonly RoleSyncHandler _roleSyncs;
    private readonly InviteUpsertHandler _inviteUpserts;
    private readonly InviteDeleteHandler _inviteDeletes;
    private readonly InviteSyncHandler _inviteSyncs;
    private readonly InvitesStatusHandler _invitesStatuses;
    private readonly JoinAttributionHandler _joinAttributions;
    private readonly SupportMarksHandler _supportMarks;

    public EventRouter(WriteContext context)
    {
        _context = context;
        var removals = new ReactionRemovals(context);
        _forgets = new MemberForgetHandler(context, removals);
        _guilds = new GuildUpsertHandler(context);
        _channels = new ChannelUpsertHandler(context);
        _members = new MemberUpsertHandler(context);
        _creates = new MessageCreateHandler(context);
        _reactionAdds = new ReactionAddHandler(context, removals);
        _threads = new ThreadCreateHandler(context, _channels);
        _joins = new MemberJoinHandler(context);
        _leaves = new MemberLeaveHandler(context);
        _edits = new MessageEditHandler(context);
        _deletes = new MessageDeleteHandler(context, removals);
        _reactionRemoves = new ReactionRemoveHandler(context, removals);
        _reactionClears = new ReactionRemoveAllHandler(context, removals);
        _emojiClears = new ReactionRemoveEmojiHandler(context, removals);
        _reactionCounts = new ReactionCountHandler(context);
        _voiceStates = new VoiceStateHandler(context);
        _voiceSyncs = new VoiceSyncHandler(context);
        _voiceCheckpoints = new VoiceCheckpointHandler(context);
        _roles = new RoleUpsertHandler(context);
        _roleDeletes = new RoleDeleteHandler(context);
        _roleSnapshots = new RoleSnapshotHandler(context);
        _roleSyncs = new RoleSyncHandler(context);
        _inviteUpserts = new InviteUpsertHandler(context);
        _inviteDeletes = new InviteDeleteHandler(context);
        _inviteSyncs = new InviteSyncHandler(context);
        _invitesStatuses = new InvitesStatusHandler(context);
        _joinAttributions = new JoinAttributionHandler(context);
        _supportMarks = new SupportMarksHandler(context);
    }

    /// <summary>Applies one event that passed <see cref="IngestEvent.Validate"/>; false when it changed nothing (seen before, or from a forgotten member).</summary>
    public bool Apply(IngestEvent e)
    {
        var guild = (long)e.GuildId;
        if (e.UserId is { } user && _context.Forgotten.Contains(guild, (long)user))
        {
            // A forgotten member: nothing of theirs is stored or counted, whichever source sends it (live, backfill, demo).
            return false;
        }

        if (e.Type is not (IngestEventType.MessageCreate or IngestEventType.ReactionAdd))
        {
            _context.Absent.Touched(e);
        }

        if (e.Type != IngestEventType.ReactionRemove)
        {
            _context.RemovedReactions.Touched(e);
        }

        if (e.Type != IngestEventType.MessageDelete)
        {
            _context.DeletedMessages.Touched(e);
        }

        switch (e.Type)
        {
            case IngestEventType.MemberForget:
                _forgets.Apply(MemberForgotten.From(e));
                return true;
            case IngestEventType.GuildUpsert:
                _guilds.Apply(GuildSeen.From(e));
                if (e.AfkChannelId is { } afk)
                {
                    _context.Voice.SetAfkChannel(guild, (long)afk, _context.GuildMode);
                }

                return true;
            case IngestEventType.ChannelUpsert:
                _channels.Apply(ChannelSeen.From(e));
                _supportMarks.Apply(e);
                return true;
            case IngestEventType.MemberUpsert:
                _members.Apply(MemberSeen.From(e));
                return true;

            // A create and a reaction add, nearly every event, write one row: their fact, whose key is their
            // dedupe key (the message id; the reaction's state and time), so they keep no raw event row.
            case IngestEventType.MessageCreate:
                _supportMarks.Apply(e);
                return NoteLastEventAtIfNew(guild, e.EventAt, _creates.Apply(MessageCreated.From(e)));
            case IngestEventType.ReactionAdd:
                return NoteLastEventAtIfNew(guild, e.EventAt, _reactionAdds.Apply(ReactionAdded.From(e)));

            // Voice is state kept in its session rows: a state no newer than the member's last changes nothing, so it
            // needs no raw event row either; syncs and checkpoints are the writer's own bookkeeping.
            case IngestEventType.VoiceState:
                return NoteLastEventAtIfNew(guild, e.EventAt, _voiceStates.Apply(VoiceObserved.From(e)));
            case IngestEventType.VoiceSync:
                _voiceSyncs.Apply(VoiceSynced.From(e));
                return true;
            case IngestEventType.VoiceCheckpoint:
                _voiceCheckpoints.Apply(VoiceCheckpointed.From(e));
                return true;

            // Roles are state too: a role row and a member's spans carry the time they were last observed.
            case IngestEventType.RoleUpsert:
                _roles.Apply(RoleSeen.From(e));
                return true;
            case IngestEventType.RoleDelete:
                _roleDeletes.Apply(RoleDeleted.From(e));
                return true;
            case IngestEventType.RoleSnapshot:
                _roleSnapshots.Apply(RolesSnapshotted.From(e));
                return true;
            case IngestEventType.RoleSync:
                _roleSyncs.Apply(RolesSynced.From(e));
                return true;

            // Invites are state kept in their rows and the member's; applying one twice leaves the same rows.
            case IngestEventType.InviteUpsert:
                _inviteUpserts.Apply(InviteSeen.From(e));
                return true;
            case IngestEventType.InviteDelete:
                _inviteDeletes.Apply(InviteDeleted.From(e));
                return true;
            case IngestEventType.InviteSync:
                _inviteSyncs.Apply(InvitesSynced.From(e));
                return true;
            case IngestEventType.InvitesStatus:
                _invitesStatuses.Apply(InvitesStatusSeen.From(e));
                return true;
            case IngestEventType.JoinAttributed:
                _joinAttributions.Apply(JoinAttributed.From(e));
                return true;
        }

        if (!RecordRawEvent(guild, e))
        {
            return false;
        }

        _context.Deltas.NoteLastEventAt(guild, e.EventAt);
        switch (e.Type)
        {
            case IngestEventType.ThreadCreate:
                _threads.Apply(ThreadCreated.From(e));
                break;
            case IngestEventType.MemberAdd:
                _joins.Apply(MemberJoined.From(e));
                break;
            case IngestEventType.MemberRemove:
                _leaves.Apply(MemberLeft.From(e));
                break;
            case IngestEventType.MessageUpdate:
                _edits.Apply(MessageEdited.From(e));
                break;
            case IngestEventType.MessageDelete:
                _deletes.Apply(MessageDeleted.From(e));
                break;
            case IngestEventType.ReactionRemove:
                _reactionRemoves.Apply(ReactionRemoved.From(e));
                break;
            case IngestEventType.ReactionRemoveAll:
                _reactionClears.Apply(ReactionsCleared.From(e));
                break;
            case IngestEventType.ReactionRemoveEmoji:
                _emojiClears.Apply(EmojiCleared.From(e));
                break;
            case IngestEventType.ReactionCount:
                _reactionCounts.Apply(ReactionCounted.From(e));
                break;
        }

        return true;
    }

    /// <summary>Inserts the event's raw row (where it counts: a thread's parent, the thread beside it); false when its key was there.</summary>
    private bool RecordRawEvent(long guild, IngestEvent e)
    {
        var place = _context.Channels.Resolve(guild, (long?)e.ChannelId);
        if (_context.Absent.IsAbsent(guild, e))
        {
            // Certainly new (PostgreSQL): its insert adds the row, so the answer need not be waited for; the batch's new rows go as one insert.
            _context.Absent.InsertRawEvent(
                guild, e.KeyAt, e.TypeName, e.EventId, e.EventAt, place?.Channel, place?.Thread, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot);
            return true;
        }

        return _context.Sql.InsertEvent.Execute(
            guild, e.KeyAt, e.TypeName, e.EventId, e.EventAt, place?.Channel, place?.Thread, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot) != 0;
    }

    /// <summary>A new event advances its guild's newest event time.</summary>
    private bool NoteLastEventAtIfNew(long guild, long eventAt, bool isNew)
    {
        if (isNew)
        {
            _context.Deltas.NoteLastEventAt(guild, eventAt);
        }

        return isNew;
    }
}
