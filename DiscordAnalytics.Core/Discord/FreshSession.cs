namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// A gateway session that starts from nothing (READY after IDENTIFY): the app started, or Discord refused to
/// resume (INVALID_SESSION d:false, a close code that forces a new IDENTIFY). What happened since the last
/// session is not replayed.
/// </summary>
/// <param name="GuildIds">The guilds READY lists.</param>
/// <param name="IsFirstOfProcess">The first session since this process started (the app was down before it).</param>
/// <param name="StartedAt">When READY arrived (epoch ms).</param>
public sealed record FreshSession(IReadOnlyList<ulong> GuildIds, bool IsFirstOfProcess, long StartedAt)
{
    /// <summary>READY's <c>application.id</c> (the bot's application, which owns its commands); null when READY lacks it.</summary>
    public ulong? ApplicationId { get; init; }
}
