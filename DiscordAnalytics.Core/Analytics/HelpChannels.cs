using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The default rule for which channels count as help channels (issue 5): forum channels, and channels whose
/// name contains "help", "support" or "questions" (case-insensitive). An owner can mark or unmark channels
/// (<see cref="HelpChannelSettings"/>). Threads are never help channels themselves; their parent is.
/// </summary>
public static class HelpChannels
{
    private static readonly string[] NameMarkers = ["help", "support", "questions"];

    public static bool IsHelpChannel(int type, string? name) =>
        type == ChannelTypes.Forum
        || (name is not null && NameMarkers.Any(marker => name.Contains(marker, StringComparison.OrdinalIgnoreCase)));
}
