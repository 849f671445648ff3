namespace DiscordAnalytics.Core.Demo;

/// <summary>A member of the demo community.</summary>
/// <param name="Id">User snowflake (of the account's creation time).</param>
/// <param name="Name">Display name.</param>
/// <param name="IsBot">Bots post and are stored, but are not counted by default.</param>
/// <param name="Zone">Index of the member's home time zone in <see cref="DemoRhythm.ZoneOffsetsHours"/>.</param>
/// <param name="Weight">Relative activity (Zipf-like: a few members do most of the talking).</param>
/// <param name="IsStaff">Staff post announcements and answer in the help forum more often.</param>
/// <param name="FavoriteChannelIds">Chat channels this member mostly posts in.</param>
public sealed record DemoMember(
    ulong Id,
    string Name,
    bool IsBot,
    int Zone,
    double Weight,
    bool IsStaff,
    IReadOnlyList<ulong> FavoriteChannelIds);
