namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A quick large shape for the member cards, written straight into the member rollups with one SQL statement: a given
/// number of distinct members active on each day (out of a pool ten times larger), for a range of days. Not a
/// community (no events, no facts): only what the member cards read. The bench's generator builds real ones.
/// </summary>
public static class SyntheticMemberDays
{
    public static async Task InsertAsync(TempSqliteStore store, ulong guild, int firstDay, int days, int membersPerDay)
    {
        // For a fixed day, k -> (k * 7919 + day * 104729) mod pool is one-to-one (7919 is prime and does not divide the
        // pool), so each day's members are distinct; days overlap the way a recurring core and churn do.
        var pool = membersPerDay * 10;
        await store.ExecuteAsync($"""
            WITH RECURSIVE d(day) AS (SELECT {firstDay} UNION ALL SELECT day + 1 FROM d WHERE day < {firstDay + days - 1}),
                           m(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM m WHERE k < {membersPerDay - 1})
            INSERT INTO memberDailyRollups (guildId, day, userId, isBot, messagesSent, reactionsAdded, threadsStarted)
            SELECT {(long)guild}, day, 1000 + ((k * 7919 + day * 104729) % {pool}), k % 97 = 0, 1 + (k * day) % 7, (k + day) % 4, k % 50 = 0
            FROM d, m
            """);
    }
}
