using System.Runtime.CompilerServices;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// Voice time of a window from the voice rollups (<c>voiceDays</c>: per member, channel and UTC day, in milliseconds),
/// held in memory per guild and day (<see cref="VoiceDayIndex"/>, kept up to date by the writer's commits): the window's
/// days and the previous window's (whole days, then the cut day's quarter hours before the cut) are a merge of held days,
/// so a live event costs the day it changed, never the window. Milliseconds are summed first and turned into whole
/// minutes (rounded down) once per figure. Forgotten members' rows are gone; hidden members count (nothing here lists
/// members).
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) every figure is the minutes of the members who held the role
/// at any time in the window (the previous window's: of those who held it then), as every member-level number
/// (<see cref="RoleHolders"/>, the kept spans' holder sets: no read of the spans per call): each whole day is the holders'
/// own, kept per holder set while the day's version stands (<see cref="HolderVoiceDays"/>), so a reload goes over the
/// changed day's rows only.
/// </summary>
public sealed class VoiceQuery(IDbContextFactory<AnalyticsDbContext> contexts, VoiceDayIndex voiceDays, TimeProvider time, RoleHolders roleHolders)
{
    private const long MsPerMinute = 60_000;

    /// <summary>
    /// A query over a voice day index and role holders of its own, which nothing tells the writer's commits: each read
    /// compares versions and reads what moved.
    /// </summary>
    public VoiceQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
        : this(contexts, new VoiceDayIndex(contexts, NullLogger<VoiceDayIndex>.Instance), time, new RoleHolders(contexts))
    {
    }

    /// <summary>A role filter's voice days per holder set (kept as long as the set is: sets are shared while the spans and window stand).</summary>
    private readonly ConditionalWeakTable<HashSet<long>, HolderVoiceDays> _holderDays = new();

    public async Task<VoiceSummary> RunAsync(AnalyticsQuery query, IReadOnlyCollection<long> members, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var (start, end) = (query.Window.StartDay, query.Window.EndDay);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Guilds.Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = IanaTimeZones.Find(zoneId);
        var reported = zone is null ? "UTC" : zoneId!;
        var holders = await roleHolders.OfQueryAsync(query, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        var previousHolders = await roleHolders.OfQueryAsync(query, span.StartAt, span.EndAt, cancellationToken);
        var (ofHolders, ofPreviousHolders) = (HolderDays(holders), HolderDays(previousHolders));
        var sums = await voiceDays.ReadAsync(guild, span.StartDay, end, g =>
        {
            var sums = new VoiceWindowSums(members);
            for (var day = span.StartDay; day < end; day++)
            {
                var held = g.Day(day) ?? throw new InvalidOperationException($"Voice day {day} is not held.");
                if (day >= start)
                {
                    sums.AddCurrent(day, ofHolders?.Of(day, held) ?? held);
                }
                else if (day < span.CutDay)
                {
                    sums.AddPrevious(ofPreviousHolders?.Of(day, held) ?? held);
                }
                else if (day == span.CutDay && span.HasPartialDay)
                {
                    sums.AddPreviousCut(day, held, span.EndAt, previousHolders);
                }
            }

            return sums;
        }, cancellationToken);

        var channels = sums.Channels;
        var previous = channels.Values.Sum(c => c.Previous);
        var top = channels.Where(c => c.Value.Current > 0)
            .OrderByDescending(c => c.Value.Current / MsPerMinute).ThenBy(c => c.Key)
            .Take(query.Top)
            .ToList();
        var ids = top.Select(c => c.Key).ToList();
        var names = await Names.OfChannelsAsync(db, guild, ids, cancellationToken);

        var (talk, muted, alone) = (sums.TalkMs, sums.MutedMs, sums.AloneMs);
        var cells = LocalHourBuckets.ToLocalCells(
            sums.QuarterHours, zone ?? TimeZoneInfo.Utc, query.Window.StartAt / QuarterHourCounts.QuarterHourMs, query.Window.EndAt / QuarterHourCounts.QuarterHourMs);
        return new VoiceSummary(
            (talk + muted + alone) / MsPerMinute,
            previous / MsPerMinute,
            talk / MsPerMinute,
            muted / MsPerMinute,
            alone / MsPerMinute,
            [.. top.Select(c => new VoiceChannelStat(c.Key.ToString(), Names.OrId(names.GetValueOrDefault(c.Key), c.Key), c.Value.Current / MsPerMinute, c.Value.Previous / MsPerMinute))],
            new HeatMap(reported, [.. cells.Select(day => (IReadOnlyList<long>)[.. day.Select(ms => ms / MsPerMinute)])]),
            sums.MemberMs.ToDictionary(m => m.Key, m => m.Value / MsPerMinute));
    }

    private HolderVoiceDays? HolderDays(HashSet<long>? holders) => holders is null ? null : _holderDays.GetValue(holders, set => new HolderVoiceDays(set));
}
