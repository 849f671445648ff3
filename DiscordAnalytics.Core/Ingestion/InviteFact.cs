namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// One invite as Discord describes it (REST <c>GET /guilds/{id}/invites</c>, INVITE_CREATE, the vanity URL), carried by
/// <see cref="IngestEventType.InviteUpsert"/>.
/// </summary>
/// <param name="Code">The invite code; for the vanity URL its code.</param>
/// <param name="InviterId">Who made it; null for the vanity URL or when Discord does not say.</param>
/// <param name="ChannelId">The channel it leads to; null when not said.</param>
/// <param name="Uses">How often it was used so far.</param>
/// <param name="MaxUses">Its use limit; 0 for none.</param>
/// <param name="ExpiresAt">When it expires (epoch ms); null for never.</param>
/// <param name="IsVanity">The guild's vanity URL.</param>
public sealed record InviteFact(string Code, ulong? InviterId, ulong? ChannelId, int Uses, int MaxUses, long? ExpiresAt, bool IsVanity);
