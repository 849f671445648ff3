using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Web.Api;

/// <summary>What the backfill routes answer: whether backfill can run here, the depths offered, and the latest run (null: none yet).</summary>
public sealed record BackfillAnswer(bool Available, IReadOnlyList<int> AllowedDepths, BackfillStatus? Run);
