namespace DiscordAnalytics.Core.WarmUp;

/// <summary>One window of one guild warmed: how long its dashboard calls took (what a first dashboard no longer waits for).</summary>
public sealed record WarmedWindow(ulong GuildId, int Days, TimeSpan Took);
