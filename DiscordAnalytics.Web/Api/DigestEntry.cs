namespace DiscordAnalytics.Web.Api;

/// <summary>A digest in the history listing. Ids are strings (snowflakes) except the digest's own number; times are epoch ms.</summary>
public sealed record DigestEntry(
    long Id,
    string GuildId,
    long CreatedAt,
    long WindowStartAt,
    long WindowEndAt,
    string Status,
    bool Scheduled,
    string? PostedChannelId,
    IReadOnlyList<string> PostedMessageIds,
    long? PostedAt,
    string? LastError);
