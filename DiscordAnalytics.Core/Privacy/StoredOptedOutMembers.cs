using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// The members who never reach a model: every hidden or forgotten member of the guild (<see cref="VisibleMembers"/>).
/// The summary already leaves them out of its member lists; this keeps <see cref="InsightPayload"/>'s own guard in
/// step with the setting.
/// </summary>
public sealed class StoredOptedOutMembers(IDbContextFactory<AnalyticsDbContext> contexts) : IOptedOutMembers
{
    public async Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct)
    {
        if (!long.TryParse(guildId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return new HashSet<string>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await VisibleMembers.LoadAsync(db, id, ct)).OptedOutIds();
    }
}
