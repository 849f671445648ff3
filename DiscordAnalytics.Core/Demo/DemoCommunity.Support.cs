using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// What the demo's support signals read: the help forum has a "Solved" tag, askers sometimes mention the moderators
/// role (the demo's escalation role), and help threads get tagged solved or archived after their answer. The history
/// (<see cref="DemoDay"/>) and the live stream (<see cref="DemoLiveSimulator"/>) both build these events here.
/// </summary>
public sealed partial class DemoCommunity
{
    /// <summary>The share of help-forum askers who mention the moderators role in their question.</summary>
    internal const double ModeratorMentionShare = 0.06;

    /// <summary>The help forum's "Solved" tag (its <c>available_tags</c>).</summary>
    public ulong SolvedTagId => DemoIds.Make(GuildCreatedAt + 3 * DemoRhythm.DayMs, DemoIds.StructureWorker, 3, 0);

    /// <summary>The moderators role: the demo's escalation role.</summary>
    public ulong ModeratorsRoleId => RoleId(0);

    internal DemoChannel HelpForum => ChannelOf(DemoChannelKind.Forum, "help-forum");

    /// <summary>The channel upserts of <see cref="Metadata"/>, the help forum's with its solved tag as a forum's <c>available_tags</c> says it.</summary>
    private IEnumerable<IngestEvent> WithSolvedTag(IEnumerable<IngestEvent> events)
    {
        var forum = HelpForum.Id;
        return events.Select(e => e.Type == IngestEventType.ChannelUpsert && e.ChannelId == forum ? e with { SolvedTagIds = new[] { SolvedTagId } } : e);
    }

    /// <summary>A help question that mentions the moderators role (<c>mention_roles</c>).</summary>
    internal IngestEvent MentioningModerators(IngestEvent message) => message with { MentionedRoleIds = new[] { ModeratorsRoleId } };

    /// <summary>A help-forum post tagged "Solved" (THREAD_UPDATE with <c>applied_tags</c>).</summary>
    internal IngestEvent ThreadSolved(long at, ulong threadId, string name, DemoMember owner) =>
        ThreadUpdated(at, threadId, name, owner, new ThreadStatus(Archived: false, Locked: false, ArchivedAt: null, new[] { SolvedTagId }));

    /// <summary>A help-forum post archived at <paramref name="at"/> (THREAD_UPDATE with <c>thread_metadata.archived</c>).</summary>
    internal IngestEvent ThreadArchived(long at, ulong threadId, string name, DemoMember owner) =>
        ThreadUpdated(at, threadId, name, owner, new ThreadStatus(Archived: true, Locked: false, ArchivedAt: at, Array.Empty<ulong>()));

    private IngestEvent ThreadUpdated(long at, ulong threadId, string name, DemoMember owner, ThreadStatus status) => new()
    {
        Type = IngestEventType.ChannelUpsert,
        GuildId = GuildId,
        EventAt = at,
        ChannelId = threadId,
        ParentId = HelpForum.Id,
        Name = name,
        ChannelType = ChannelTypes.PublicThread,
        UserId = owner.Id,
        IsBot = owner.IsBot,
        ThreadStatus = status,
    };
}
