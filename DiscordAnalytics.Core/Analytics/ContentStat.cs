using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>A top-reacted message. <see cref="Excerpt"/> is null when the message itself was never seen.</summary>
public sealed record ContentStat(
    string MessageId,
    string ChannelId,
    string? AuthorDiscordUserId,
    long ReactionScore,
    string? Excerpt,
    string JumpUrl,
    long CreatedAt)
{
    /// <summary>Display name of the channel (not part of the schema-1 contract).</summary>
    [JsonIgnore]
    public string ChannelName { get; init; } = string.Empty;

    /// <summary>Display name of the author (not part of the schema-1 contract).</summary>
    [JsonIgnore]
    public string? AuthorName { get; init; }

    /// <summary>
    /// True when the author is a hidden or forgotten member: author and excerpt are withheld on purpose, which the
    /// card says plainly instead of calling the message unseen (not part of the schema-1 contract).
    /// </summary>
    [JsonIgnore]
    public bool ByHiddenMember { get; init; }
}
