namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>A batch's changes to one guild-day rollup row (per bot flag).</summary>
internal sealed class GuildDelta
{
    public long Joins;
    public long Leaves;
}
