using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// Voice time of a window from the voice rollups (<c>voiceDays</c>: per member, channel and UTC day, in milliseconds):
/// the window's days and the previous window's (whole days, then the cut day's quarter hours before the cut), read in
/// one range of the key. Milliseconds are summed first and turned into whole minutes (rounded down) once per figure.
/// Forgotten members' rows are gone; hidden members count (nothing here lists members).
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) every figure is the minutes of the members who held the role
/// at any time in the window (the previous window's: of those who held it then), as every member-level number
/// (<see cref="RoleHolders"/>): the rows of other members are skipped.
/// </summary>
public sealed class VoiceQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    private const long MsPerMinute = 60_000;

    public async Task<VoiceSummary> RunAsync(AnalyticsQuery query, IReadOnlyCollection<long> members, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var (start, end) = (query.Window.StartDay, query.Window.EndDay);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Guilds.Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = IanaTimeZones.Find(zoneId);
        var reported = zone is null ? "UTC" : zoneId!;
        var holders = await RoleHolders.OfQueryAsync(db, query, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        var previousHolders = await RoleHolders.OfQueryAsync(db, query, span.StartAt, span.EndAt, cancellationToken);
        var rows = await db.VoiceDays
            .Where(r => r.GuildId == guild && r.Day >= span.StartDay && r.Day < end)
            .Select(r => new { r.Day, r.ChannelId, r.UserId, r.TalkMs, r.MutedMs, r.AloneMs, r.QuarterHourMs })
            .ToListAsync(cancellationToken);

        long talk = 0, muted = 0, alone = 0;
        var channels = new Dictionary<long, (long Current, long Previous)>();
        var memberMs = members.ToDictionary(m => m, _ => 0L);
        var days = new Dictionary<int, long[]>();
        Span<long> quarters = stackalloc long[QuarterHourCounts.PerDay];
        foreach (var row in rows)
        {
            if ((row.Day >= start ? holders : previousHolders) is { } only && !only.Contains(row.UserId))
            {
                continue;
            }

            var (current, before) = channels.GetValueOrDefault(row.ChannelId);
            if (row.Day >= start)
            {
                var all = row.TalkMs + row.MutedMs + row.AloneMs;
                (talk, muted, alone) = (talk + row.TalkMs, muted + row.MutedMs, alone + row.AloneMs);
                current += all;
                if (memberMs.TryGetValue(row.UserId, out var sum))
                {
                    memberMs[row.UserId] = sum + all;
                }

                if (!days.TryGetValue(row.Day, out var counts))
                {
                    days[row.Day] = counts = new long[QuarterHourCounts.PerDay];
                }

                QuarterHourCounts.AddTo(row.QuarterHourMs, counts);
            }
            else if (row.Day < span.CutDay)
            {
                before += row.TalkMs + row.MutedMs + row.AloneMs;
            }
            else if (row.Day == span.CutDay && span.HasPartialDay)
            {
                quarters.Clear();
                QuarterHourCounts.AddTo(row.QuarterHourMs, quarters);
                for (var i = 0; i < quarters.Length && QuarterHourCounts.StartMs(row.Day, i) < span.EndAt; i++)
                {
                    before += quarters[i];
                }
            }

            channels[row.ChannelId] = (current, before);
        }

        var previous = channels.Values.Sum(c => c.Previous);
        var top = channels.Where(c => c.Value.Current > 0)
            .OrderByDescending(c => c.Value.Current / MsPerMinute).ThenBy(c => c.Key)
            .Take(query.Top)
            .ToList();
        var ids = top.Select(c => c.Key).ToList();
        var names = await db.Channels
            .Where(c => c.GuildId == guild && ids.Contains(c.ChannelId))
            .ToDictionaryAsync(c => c.ChannelId, c => c.Name, cancellationToken);

        var cells = LocalHourBuckets.ToLocalCells(
            days, zone ?? TimeZoneInfo.Utc, query.Window.StartAt / QuarterHourCounts.QuarterHourMs, query.Window.EndAt / QuarterHourCounts.QuarterHourMs);
        return new VoiceSummary(
            (talk + muted + alone) / MsPerMinute,
            previous / MsPerMinute,
            talk / MsPerMinute,
            muted / MsPerMinute,
            alone / MsPerMinute,
            [.. top.Select(c => new VoiceChannelStat(c.Key.ToString(), Names.OrId(names.GetValueOrDefault(c.Key), c.Key), c.Value.Current / MsPerMinute, c.Value.Previous / MsPerMinute))],
            new HeatMap(reported, [.. cells.Select(day => (IReadOnlyList<long>)[.. day.Select(ms => ms / MsPerMinute)])]),
            memberMs.ToDictionary(m => m.Key, m => m.Value / MsPerMinute));
    }
}
