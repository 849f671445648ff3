namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The day's voice: a few evening gatherings per voice channel among the regulars (two to five people for half an
/// hour to two hours), some who sit alone, some who listen muted for a while. Drawn from a random of its own, so the
/// rest of the day is what it was before voice existed; every session ends within the day.
/// </summary>
internal sealed partial class DemoDay
{
    private static readonly int[] GatheringsPerChannel = [3, 2, 1];

    private void Voice()
    {
        var random = new DemoRandom(_community.Seed, _day, 11);
        var busyUntil = new Dictionary<ulong, long>();
        for (var c = 0; c < _community.VoiceChannels.Count; c++)
        {
            var channel = _community.VoiceChannels[c];
            var gatherings = GatheringsPerChannel[c % GatheringsPerChannel.Length] + (random.Chance(DemoRhythm.DayFactor(_day) - 0.5) ? 1 : 0);
            for (var g = 0; g < gatherings; g++)
            {
                var host = random.Pick(_community.VoiceRegulars);
                // 19:00-22:59 in the host's zone.
                var localHour = 19 + random.Next(4);
                var utcHour = ((localHour - DemoRhythm.ZoneOffsetsHours[host.Zone]) % 24 + 24) % 24;
                var start = _dayStart + utcHour * DemoRhythm.HourMs + random.NextLong(DemoRhythm.HourMs);
                var people = random.Chance(0.15) ? 1 : 2 + random.Next(4);
                for (var p = 0; p < people; p++)
                {
                    var member = p == 0 ? host : random.Pick(_community.VoiceRegulars);
                    var joinAt = start + (p == 0 ? 0 : random.NextLong(15 * DemoRhythm.MinuteMs));
                    var leaveAt = Math.Min(joinAt + (30 + random.Next(90)) * DemoRhythm.MinuteMs, _dayEnd - DemoRhythm.MinuteMs);
                    if (leaveAt - joinAt < 5 * DemoRhythm.MinuteMs || busyUntil.GetValueOrDefault(member.Id, long.MinValue) > joinAt)
                    {
                        continue;
                    }

                    busyUntil[member.Id] = leaveAt;
                    Session(random, member, channel.Id, joinAt, leaveAt);
                }
            }
        }
    }

    private void Session(DemoRandom random, DemoMember member, ulong channelId, long joinAt, long leaveAt)
    {
        var listening = random.Chance(0.2);
        Add(_community.VoiceState(joinAt, member, channelId, muted: listening));
        if (random.Chance(0.3))
        {
            // Muted or unmuted for a stretch in the middle.
            var from = joinAt + 1 + random.NextLong((leaveAt - joinAt) / 2);
            var until = from + random.NextLong((leaveAt - from) / 2) + DemoRhythm.MinuteMs;
            Add(_community.VoiceState(from, member, channelId, muted: !listening));
            Add(_community.VoiceState(Math.Min(until, leaveAt - 1), member, channelId, muted: listening));
        }

        Add(_community.VoiceState(leaveAt, member, channelId: null));
    }
}
