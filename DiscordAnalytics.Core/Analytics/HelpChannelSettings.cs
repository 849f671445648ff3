using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Which channels of a guild are help channels (support signals): the default rule of <see cref="HelpChannels"/>
/// unless the owner marked or unmarked a channel (stored as <see cref="HelpChannelOverride"/> rows).
/// </summary>
public sealed class HelpChannelSettings(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>Where questions are asked: see <see cref="ChannelTypes.IsHelpCandidate"/>.</summary>
    private static readonly IReadOnlyList<int> EligibleTypes = [ChannelTypes.Text, ChannelTypes.Announcement, ChannelTypes.Forum, ChannelTypes.Media];

    /// <summary>The guild's eligible channels by name, each with its state; null when the guild is unknown.</summary>
    public async Task<IReadOnlyList<HelpChannelChoice>?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        return await ChoicesAsync(db, guildId, cancellationToken);
    }

    /// <summary>
    /// Makes exactly <paramref name="channelIds"/> the guild's help channels. Only choices that differ from the
    /// default rule are stored, so a channel that later matches the rule (or is created) follows it.
    /// </summary>
    public async Task<HelpChannelsUpdate> SetAsync(long guildId, IReadOnlyCollection<long> channelIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return HelpChannelsUpdate.GuildNotFound;
        }

        var channels = await EligibleChannelsAsync(db, guildId, cancellationToken);
        var known = channels.Select(c => c.ChannelId).ToHashSet();
        if (!channelIds.All(known.Contains))
        {
            return HelpChannelsUpdate.UnknownChannel;
        }

        var wanted = channelIds.ToHashSet();
        await db.Set<HelpChannelOverride>().Where(o => o.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(channels
            .Where(c => wanted.Contains(c.ChannelId) != HelpChannels.IsHelpChannel(c.Type, c.Name))
            .Select(c => new HelpChannelOverride { GuildId = guildId, ChannelId = c.ChannelId, IsHelpChannel = wanted.Contains(c.ChannelId) }));
        await db.SaveChangesAsync(cancellationToken);
        return HelpChannelsUpdate.Saved;
    }

    /// <summary>The ids of the guild's help channels; the query that reads them shares its context.</summary>
    internal static async Task<List<long>> HelpChannelIdsAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken) =>
        [.. (await ChoicesAsync(db, guildId, cancellationToken)).Where(c => c.IsHelpChannel).Select(c => long.Parse(c.ChannelId, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task<List<HelpChannelChoice>> ChoicesAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        // Few channels per guild: the rule runs in memory so it stays one small C# function.
        var channels = await EligibleChannelsAsync(db, guildId, cancellationToken);
        var overrides = await db.Set<HelpChannelOverride>()
            .Where(o => o.GuildId == guildId)
            .ToDictionaryAsync(o => o.ChannelId, o => o.IsHelpChannel, cancellationToken);
        return [.. channels
            .Select(c => overrides.TryGetValue(c.ChannelId, out var chosen)
                ? new HelpChannelChoice(c.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture), Names.OrId(c.Name, c.ChannelId), c.Type, chosen, false)
                : new HelpChannelChoice(c.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture), Names.OrId(c.Name, c.ChannelId), c.Type, HelpChannels.IsHelpChannel(c.Type, c.Name), true))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.ChannelId, StringComparer.Ordinal)];
    }

    private static async Task<List<EligibleChannel>> EligibleChannelsAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken) =>
        await db.Channels
            .Where(c => c.GuildId == guildId && !c.IsThread && EligibleTypes.Contains(c.Type))
            .Select(c => new EligibleChannel(c.ChannelId, c.Type, c.Name))
            .ToListAsync(cancellationToken);

    private sealed record EligibleChannel(long ChannelId, int Type, string Name);
}
