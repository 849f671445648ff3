namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times one guild's role holdings changed (a span opened, closed, moved or deleted: a role gained or lost, a
/// member's roles observed, a role deleted, a member forgotten). Stepped by triggers on <c>memberRoleSpans</c> in the
/// transaction of the change, so every writer steps it. The role filter keeps a guild's spans in memory while this is
/// unchanged (absent: version 0).
/// </summary>
public sealed class MemberRoleSpanVersion
{
    public long GuildId { get; set; }

    public long Version { get; set; }
}
