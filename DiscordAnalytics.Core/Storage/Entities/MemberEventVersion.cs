namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times one guild's stored raw joins and leaves changed (one inserted, deleted or changed: a join or leave
/// arrived, live, late or from a backfill; a member was forgotten). Stepped by triggers on
/// <c>analyticsEvents</c> for those two event types only, in the transaction of the change, so every writer steps it.
/// The role filter keeps a guild's joins and leaves in memory while this is unchanged (absent: version 0).
/// </summary>
public sealed class MemberEventVersion
{
    public long GuildId { get; set; }

    public long Version { get; set; }
}
