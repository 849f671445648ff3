using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// The day's voice: about one in ten of the day's active members joins a voice channel for one evening session (18:00
/// to 23:59 in their zone, ten minutes to a few hours, in a Zipf-weighted channel so a few rooms carry most of it);
/// some listen muted throughout, some mute for a stretch. Drawn from a random of its own, so the rest of the day is
/// what it was before voice existed; every session ends within the day, so a member is never in two rooms at once.
/// </summary>
internal sealed partial class LargeDay
{
    private const double VoiceChance = 0.1;

    private void Voice()
    {
        var channels = _community.VoiceChannels;
        var random = new DemoRandom(_community.Seed, _day, 19);
        var dayEnd = _dayStart + DemoRhythm.DayMs;
        foreach (var r in _active)
        {
            if (!random.Chance(VoiceChance))
            {
                continue;
            }

            var localHour = 18 + random.Next(6);
            var utcHour = ((localHour - DemoRhythm.ZoneOffsetsHours[_community.Zones[r]]) % 24 + 24) % 24;
            var joinAt = _dayStart + utcHour * DemoRhythm.HourMs + random.NextLong(DemoRhythm.HourMs);
            var leaveAt = Math.Min(joinAt + (10 * DemoRhythm.MinuteMs) + random.Exponential(50 * DemoRhythm.MinuteMs), dayEnd - DemoRhythm.MinuteMs);
            if (leaveAt - joinAt < 5 * DemoRhythm.MinuteMs)
            {
                continue;
            }

            var channelId = channels.Pick(random).Id;
            var userId = _community.MemberId(r);
            var listening = random.Chance(0.2);
            Add(joinAt, VoiceState(joinAt, userId, channelId, listening));
            if (random.Chance(0.25))
            {
                var from = joinAt + 1 + random.NextLong((leaveAt - joinAt) / 2);
                var until = Math.Min(from + random.NextLong((leaveAt - from) / 2) + DemoRhythm.MinuteMs, leaveAt - 1);
                Add(from, VoiceState(from, userId, channelId, !listening));
                Add(until, VoiceState(until, userId, channelId, listening));
            }

            Add(leaveAt, VoiceState(leaveAt, userId, channelId: null, muted: false));
        }
    }

    private IngestEvent VoiceState(long at, ulong userId, ulong? channelId, bool muted) =>
        new() { Type = IngestEventType.VoiceState, GuildId = _community.GuildId, EventAt = at, UserId = userId, ChannelId = channelId, Muted = muted };
}
