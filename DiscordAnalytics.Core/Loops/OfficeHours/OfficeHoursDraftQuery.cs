using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Core.Loops.OfficeHours;

/// <summary>
/// The office-hours draft (docs/loops.md, "Office hours"): over the last <see cref="Days"/> days, the weekday + hour in the
/// guild's time zone in which the most help threads and questions were started (the same facts as the summary's
/// <c>supportSignals</c>, humans only: a thread whose starter is gone or a bot, and bot questions, do not count), and an
/// announcement for its next occurrence. Counts the starts the mentors hold (<see cref="MentorIndex"/>: the same threads and
/// questions) per UTC quarter hour, so a call reads no thread or question row once they are held; posts nothing.
/// </summary>
public sealed class OfficeHoursDraftQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, MentorIndex index)
{
    private const long QuarterHourMs = 900_000;

    /// <summary>A query with held starts of its own (tests; the app shares one <see cref="MentorIndex"/> the writer tells).</summary>
    public OfficeHoursDraftQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
        : this(contexts, time, new MentorIndex(NullLogger<MentorIndex>.Instance))
    {
    }

    /// <summary>How far back question activity is read.</summary>
    public const int Days = 28;

    /// <summary>The draft; null when the guild is unknown.</summary>
    public async Task<OfficeHoursDraft?> DraftAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Guilds.Where(g => g.GuildId == guildId).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
        if (zoneId is null)
        {
            return null;
        }

        // A stored id this system does not know (only writable by hand) schedules in UTC, and says so.
        var zone = IanaTimeZones.Find(zoneId);
        var zoneName = zone is null ? "UTC" : zoneId;
        zone ??= TimeZoneInfo.Utc;

        var now = time.GetUtcNow();
        var slotted = await SlottedAsync(db, guildId, now.AddDays(-Days).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), zone, cancellationToken);
        if (OfficeHoursSlot.Busiest(slotted.SelectMany(s => Enumerable.Repeat(s.Slot, s.Count))) is not { } busiest)
        {
            return new OfficeHoursDraft(null, null, zoneName, 0, null, null, null);
        }

        var channelId = slotted.Where(s => s.Slot == busiest.Slot)
            .GroupBy(s => s.ChannelId)
            .OrderByDescending(g => g.Sum(s => s.Count)).ThenBy(g => g.Key)
            .First().Key;
        var channelName = await db.Channels.Where(c => c.GuildId == guildId && c.ChannelId == channelId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var helpChannel = Names.OrId(channelName, channelId);
        var nextAt = OfficeHoursSlot.NextStart(busiest.Slot, now, zone);
        return new OfficeHoursDraft(
            OfficeHoursSlot.Weekday(busiest.Slot).ToString(),
            busiest.Slot % 24,
            zoneName,
            busiest.Count,
            nextAt,
            helpChannel,
            OfficeHoursSlot.Text(busiest.Slot, zoneName, helpChannel, nextAt));
    }

    /// <summary>
    /// How many human help threads and questions were started in each (slot, help channel) of [fromMs, toMs): from the
    /// held quarter-hour counts, each quarter hour lying in one local hour (every zone's offset is whole quarter hours);
    /// for a zone where one does not, from the starts themselves.
    /// </summary>
    private async Task<List<(int Slot, long ChannelId, int Count)>> SlottedAsync(
        AnalyticsDbContext db, long guildId, long fromMs, long toMs, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guildId, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return [];
        }

        var slots = new Dictionary<long, int>();
        var counts = new List<(int Slot, long ChannelId, int Count)>();
        foreach (var (channel, at, count) in await index.StartsAsync(db, guildId, helpChannels, fromMs, toMs, cancellationToken))
        {
            if (!slots.TryGetValue(at, out var slot))
            {
                slot = OfficeHoursSlot.Of(at, zone);
                if (OfficeHoursSlot.Of(at + QuarterHourMs - 1, zone) != slot)
                {
                    return [.. (await StartsAsync(db, guildId, fromMs, toMs, cancellationToken)).Select(s => (OfficeHoursSlot.Of(s.At, zone), s.ChannelId, 1))];
                }

                slots[at] = slot;
            }

            counts.Add((slot, channel, count));
        }

        return counts;
    }

    /// <summary>When and in which help channel each human help thread (its parent) and question was started in [fromMs, toMs).</summary>
    private static async Task<List<(long At, long ChannelId)>> StartsAsync(AnalyticsDbContext db, long guildId, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guildId, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return [];
        }

        var threads = await (
            from t in db.SupportThreads
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where t.GuildId == guildId && t.StartedAt >= fromMs && t.StartedAt < toMs
                && !t.StarterGone && t.StarterAuthorId != null && !t.StarterIsBot
                && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.StartedAt, ParentId = c.ParentId!.Value })
            .ToListAsync(cancellationToken);
        var starts = threads.Select(t => (t.StartedAt, t.ParentId)).ToList();
        // withBots as a parameter: SQLite seeks the (guild, withBots, channel, askedAt) index only on an equality (see MentorReads).
        var withBots = false;
        foreach (var channel in helpChannels)
        {
            var asked = await db.SupportQuestions
                .Where(q => q.GuildId == guildId && q.WithBots == withBots && q.ChannelId == channel && q.AskedAt >= fromMs && q.AskedAt < toMs)
                .Select(q => q.AskedAt)
                .ToListAsync(cancellationToken);
            starts.AddRange(asked.Select(at => (at, channel)));
        }

        return starts;
    }
}
