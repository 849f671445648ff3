namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// Where alerts go: a Discord channel in live mode, the demo community in demo mode. Refusals are
/// <see cref="Discord.Rest.DiscordRestException"/>s with Discord's status and error code.
/// </summary>
public interface IAlertPoster
{
    /// <summary><see cref="AlertResult.Sent"/> (Discord) or <see cref="AlertResult.Simulated"/> (demo).</summary>
    AlertResult Done { get; }

    /// <summary>
    /// Posts <paramref name="text"/> in <paramref name="channelId"/>, mentioning <paramref name="roleId"/> (and nobody
    /// else) when given; <paramref name="nonce"/> makes a repeated post of the same alert return the first message.
    /// The posted message's id, when there is one.
    /// </summary>
    Task<long?> PostAsync(ulong channelId, string text, ulong? roleId, string nonce, CancellationToken cancellationToken);
}
