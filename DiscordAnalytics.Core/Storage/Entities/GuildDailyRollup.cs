namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>Per guild, UTC day and member kind: joins and leaves.</summary>
public sealed class GuildDailyRollup
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    public bool IsBot { get; set; }

    public long Joins { get; set; }

    public long Leaves { get; set; }
}
