namespace DiscordAnalytics.Core.Backfill.GapRepair;

/// <summary>
/// Gap repair of one guild, for the settings page: whether it is on here, its threshold, and the latest repair
/// (a backfill run: its span is <c>CutoffAt</c> to <c>RequestedAt</c>), null before the first.
/// </summary>
/// <param name="Enabled">On: <c>Backfill:GapRepair</c> and a bot token (REST history).</param>
/// <param name="After">How old the last stored event must be at a new session (<c>Backfill:GapRepairAfter</c>).</param>
public sealed record GapRepairStatus(bool Enabled, TimeSpan After, BackfillStatus? Last);
