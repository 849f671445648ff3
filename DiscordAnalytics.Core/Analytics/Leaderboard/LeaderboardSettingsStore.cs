using DiscordAnalytics.Core.Leaderboard;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// Reads and changes a guild's leaderboard settings (<see cref="LeaderboardSettings"/>): the streak and score rules,
/// and the public page's link (on with a new token, a new token that voids the old one at once, off).
/// </summary>
public sealed class LeaderboardSettingsStore(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    /// <summary>The guild's rules (the defaults until changed).</summary>
    public async Task<LeaderboardRules> RulesAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RulesAsync(db, guildId, cancellationToken);
    }

    internal static async Task<LeaderboardRules> RulesAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        var row = await db.Set<LeaderboardSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        return row?.Rules ?? LeaderboardRules.Default;
    }

    /// <summary>Saves the guild's rules; false when the guild is unknown.</summary>
    /// <exception cref="ArgumentException">The rules have a <see cref="LeaderboardRules.Problem"/>.</exception>
    public async Task<bool> SetRulesAsync(long guildId, LeaderboardRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Problem() is { } problem)
        {
            throw new ArgumentException(problem.Reason, nameof(rules));
        }

        return await ChangeAsync(guildId, row =>
        {
            (row.StreakMessages, row.StreakReactions, row.StreakVoice) = (rules.StreakMessages, rules.StreakReactions, rules.StreakVoice);
            (row.MessageWeight, row.ReactionWeight, row.ThreadWeight, row.VoiceMinuteWeight) =
                (rules.MessageWeight, rules.ReactionWeight, rules.ThreadWeight, rules.VoiceMinuteWeight);
        }, cancellationToken);
    }

    /// <summary>Whether the guild's public page is on and since when (never the token: only its hash is kept).</summary>
    public async Task<PublicLeaderboardLink> PublicLinkAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var createdAt = await db.Set<LeaderboardSettings>().AsNoTracking()
            .Where(s => s.GuildId == guildId && s.PublicLinkHash != null)
            .Select(s => s.PublicLinkCreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new PublicLeaderboardLink(createdAt is not null, createdAt);
    }

    /// <summary>
    /// Turns the public page on with a new token, replacing any earlier one (which stops working with this commit);
    /// null when the guild is unknown. The answer is the only time the token is seen.
    /// </summary>
    public async Task<PublicLeaderboardLink?> NewPublicLinkAsync(long guildId, CancellationToken cancellationToken)
    {
        var token = PublicLinkTokens.NewToken();
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var saved = await ChangeAsync(guildId, row => (row.PublicLinkHash, row.PublicLinkCreatedAt) = (PublicLinkTokens.Hash(token), at), cancellationToken);
        return saved ? new PublicLeaderboardLink(true, at, token) : null;
    }

    /// <summary>Turns the public page off: its link answers 404 from now on. False when the guild is unknown.</summary>
    public Task<bool> DisablePublicLinkAsync(long guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, row => (row.PublicLinkHash, row.PublicLinkCreatedAt) = (null, null), cancellationToken);

    /// <summary>The guild whose public page <paramref name="token"/> opens, or null (malformed, revoked, never made, off).</summary>
    public async Task<long?> GuildOfPublicTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!PublicLinkTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = PublicLinkTokens.Hash(token!);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<LeaderboardSettings>().AsNoTracking()
            .Where(s => s.PublicLinkHash == hash)
            .Select(s => (long?)s.GuildId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> ChangeAsync(long guildId, Action<LeaderboardSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return false;
        }

        var row = await db.Set<LeaderboardSettings>().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        if (row is null)
        {
            row = new LeaderboardSettings { GuildId = guildId };
            db.Add(row);
        }

        change(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
