namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times one guild's member rows changed in a way that moves who is present when (a row added or deleted, its
/// bot flag, join or leave time changed; a name or an invite does not). Stepped by triggers on <c>members</c> in the
/// transaction of the change, so every writer (the ingestion writer, another instance, a bulk generator) steps it. The
/// lurkers card keeps a guild's member rows in memory while this is unchanged (absent: version 0).
/// </summary>
public sealed class MemberRowVersion
{
    public long GuildId { get; set; }

    public long Version { get; set; }
}
