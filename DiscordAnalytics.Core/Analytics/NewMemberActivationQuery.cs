using DiscordAnalytics.Core.Analytics.Joins;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// New-member activation of a window (summary <c>activation</c>, the Members card): of the members who joined in
/// the window, how many posted within 24 hours and within 7 days of joining.
/// <list type="bullet">
/// <item>New members: <c>members.joinedAt</c> in the window; bots only with IncludeBots. A member who left is
/// still a new member (leaving silent is what activation measures).</item>
/// <item>Rejoins: members keeps only the latest join, so a member who joined, left and rejoined counts once, by
/// the latest join: it decides both whether they are new in the window and when their periods start. Messages
/// from before that join (an earlier stay) never count.</item>
/// <item>Counted message: created (not a tombstone), not deleted, with <c>joinedAt &lt;= createdAt &lt; joinedAt + period</c>
/// (24 h or 7 × 24 h, end exclusive). A bot member's messages are a bot's, so they count only with IncludeBots, like
/// the member.</item>
/// <item>A member whose period ends after now (TimeProvider) is pending for that period: in neither the
/// denominator nor the numerator.</item>
/// </list>
/// </summary>
/// <remarks>
/// One row per new member: the ingestion writer keeps each member's first post of their first week
/// (<c>members.firstPostAt</c>, see <c>Ingestion/MemberActivation</c>): set by the create that is earlier than the one
/// known, looked up again at a join among messages already stored after it, and again when that first post is deleted.
/// Reading the new members' first weeks of messages instead cost ~400 ms for a year of the demo community. The rows are
/// kept per join day (<see cref="KeptJoinDays{TRow}"/>, <c>joinDayVersions</c>): a call reads the window's day versions and
/// only the days that changed (a join, a first post), then passes over the window's new members in memory.
/// </remarks>
public sealed class NewMemberActivationQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, RoleHolders roleHolders)
{
    public const long OneDayMs = DayBucket.MillisecondsPerDay;

    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    /// <summary>The new members of each join day, kept while the day's stored version stands: a reload reads only a day that changed.</summary>
    private readonly KeptJoinDays<NewMember> _days = new(contexts, NewMembersSql, reader =>
    {
        var joinedAt = reader.GetInt64(1);
        return (DayBucket.FromUnixMs(joinedAt), new NewMember(reader.GetInt64(0), joinedAt, reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetBoolean(3)));
    });

    /// <summary>Days of new members read from the store (what the tests hold the day versions to).</summary>
    internal long DaysRead => _days.DaysRead;

    public async Task<NewMemberActivation> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (startAt, endAt, bots) = (query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        var days = await _days.ReadAsync((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, cancellationToken);
        var holders = await roleHolders.OfQueryAsync(query, startAt, endAt, cancellationToken);

        // One pass over the window's new members: whether a period has ended depends on now, so it is counted per call.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var (members, dayEnded, dayPosted, weekEnded, weekPosted) = (0L, 0L, 0L, 0L, 0L);
        foreach (var day in days)
        {
            foreach (var m in day)
            {
                if ((m.IsBot && !bots) || (holders is not null && !holders.Contains(m.UserId)))
                {
                    continue;
                }

                members++;
                Count(m, OneDayMs, ref dayEnded, ref dayPosted);
                Count(m, SevenDaysMs, ref weekEnded, ref weekPosted);
            }
        }

        return new NewMemberActivation(
            members,
            ActivationRate.FromCounts(dayEnded, dayPosted, members - dayEnded),
            ActivationRate.FromCounts(weekEnded, weekPosted, members - weekEnded));

        void Count(NewMember m, long period, ref long ended, ref long posted)
        {
            if (m.JoinedAt + period <= now)
            {
                ended++;
                if (m.FirstPostAt < m.JoinedAt + period)
                {
                    posted++;
                }
            }
        }
    }

    /// <summary>A member row with a join: the latest join, and the first post of that stay's first week (null: none).</summary>
    private readonly record struct NewMember(long UserId, long JoinedAt, long? FirstPostAt, bool IsBot);

    /// <summary>The member rows joined in a range of days (portable SQL, the members' join index).</summary>
    private const string NewMembersSql = """
        SELECT userId, joinedAt, firstPostAt, isBot FROM members
        WHERE guildId = @guild AND joinedAt >= @startAt AND joinedAt < @endAt
        """;
}
