namespace DiscordAnalytics.Core.Digests;

public enum DigestPostOutcome
{
    /// <summary>Every remaining part was sent.</summary>
    Posted,

    /// <summary>The digest was already fully posted; nothing was sent.</summary>
    AlreadyPosted,

    NotFound,

    /// <summary>Demo mode (or no bot token): there is no Discord to post to.</summary>
    NoDiscord,

    /// <summary>The channel is not a known channel of the digest's guild (it would leak one server's numbers into another).</summary>
    ChannelNotInGuild,

    /// <summary>Part of the digest is already in another channel; it can only be completed there.</summary>
    StartedInOtherChannel,

    /// <summary>Discord refused (403, 404, 401, rate limits beyond patience, ...); what was posted stays recorded.</summary>
    DiscordFailed,
}
