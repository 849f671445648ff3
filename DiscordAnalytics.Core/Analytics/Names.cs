using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>Display names fall back to the id, so a card never shows an empty label.</summary>
internal static class Names
{
    public static string OrId(string? name, long id) => string.IsNullOrWhiteSpace(name) ? id.ToString() : name;

    /// <summary>
    /// The display names of the listed members (by the members key; nothing read when none is listed). The names only, never
    /// tracked: a reload reads them every time, and materializing and tracking whole member rows was a tenth of a card's call.
    /// </summary>
    public static async Task<Dictionary<long, string>> OfMembersAsync(AnalyticsDbContext db, long guild, List<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Members.AsNoTracking()
                .Where(m => m.GuildId == guild && ids.Contains(m.UserId))
                .Select(m => new { m.UserId, m.DisplayName })
                .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);

    /// <summary>The names of the listed channels (as <see cref="OfMembersAsync"/>: names only, untracked).</summary>
    public static async Task<Dictionary<long, string>> OfChannelsAsync(AnalyticsDbContext db, long guild, List<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Channels.AsNoTracking()
                .Where(c => c.GuildId == guild && ids.Contains(c.ChannelId))
                .Select(c => new { c.ChannelId, c.Name })
                .ToDictionaryAsync(c => c.ChannelId, c => c.Name, cancellationToken);
}
