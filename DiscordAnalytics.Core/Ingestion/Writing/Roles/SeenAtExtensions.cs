using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

internal static class SeenAtExtensions
{
    /// <summary>When the member's roles were last observed, or null when never.</summary>
    public static long? FirstOrNullValue(this StatementQuery<StoredSeenAt> query, long guild, long user) =>
        query.FirstOrNull(guild, user)?.SeenAt;
}
