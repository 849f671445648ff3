using DiscordAnalytics.Core.Analytics.Voice;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The leaderboard's voice time per member from the held voice days (<see cref="VoiceDayIndex"/>), never a grouping of the
/// window's rows in SQL per call: the window's settled days (those before yesterday) are summed per member once and kept
/// with the version of each day (for the few windows asked last in each guild), and its recent days' rows (yesterday and
/// today) are added per call, so a live voice change costs those days' talkers. Milliseconds are summed first and turned into whole minutes (rounded
/// down) once per member, as the rollups' sum was.
/// </summary>
internal sealed class LeaderboardVoice(VoiceDayIndex voiceDays)
{
    private const long MsPerMinute = 60_000;

    /// <summary>Windows kept per guild: a dashboard's few windows, with and without the last day moving on.</summary>
    private const int KeptWindows = 8;

    private readonly KeptPerWindow<(int Start, int End), Settled> _settled = new(KeptWindows);

    /// <summary>How many times a window's settled days were summed (what the tests hold the versions to).</summary>
    public long SettledSums => _settled.Made;

    /// <summary>
    /// Days <paramref name="start"/> to <paramref name="end"/> (excluded), brought up to the store first: those before
    /// <paramref name="recent"/> from the kept sums, the others' rows as they are now.
    /// </summary>
    public Task<Window> OfAsync(long guildId, int start, int recent, int end, CancellationToken cancellationToken) =>
        voiceDays.ReadAsync(guildId, start, end, guild => Read(guildId, guild, start, recent, end), cancellationToken);

    private Window Read(long guildId, GuildVoiceDays guild, int start, int recent, int end)
    {
        var settled = _settled.GetOrMake(guildId, (start, recent), s => s.IsCurrent(guild), () => Settled.Over(guild, start, recent));
        var live = new Dictionary<long, long>();
        for (var day = recent; day < end; day++)
        {
            foreach (var row in guild.Day(day)?.Rows ?? [])
            {
                live[row.User] = live.GetValueOrDefault(row.User) + row.TotalMs;
            }
        }

        return new Window(settled, live);
    }

    /// <summary>One call's voice time: the kept settled days' and the recent days' as they are now.</summary>
    internal readonly record struct Window(Settled Settled, Dictionary<long, long> Live)
    {
        /// <summary>The member's whole minutes in the window.</summary>
        public long MinutesOf(long user) => (Settled.MsOf(user) + Live.GetValueOrDefault(user)) / MsPerMinute;

        /// <summary>Whether the member has voice rows on a recent day (their time there may still change).</summary>
        public bool IsLive(long user) => Live.ContainsKey(user);
    }

    /// <summary>Each member's voice time over settled days, with the version of each day it was summed at (never changed once made).</summary>
    internal sealed class Settled
    {
        private readonly Dictionary<long, long> _ms = [];
        private readonly long[] _versions;
        private readonly int _start;

        private Settled(int start, int end) => (_start, _versions) = (start, new long[Math.Max(0, end - start)]);

        /// <summary>The members with voice time, and their milliseconds.</summary>
        public IReadOnlyDictionary<long, long> Ms => _ms;

        public long MsOf(long user) => _ms.GetValueOrDefault(user);

        public static Settled Over(GuildVoiceDays guild, int start, int end)
        {
            var settled = new Settled(start, end);
            for (var day = start; day < end; day++)
            {
                var held = guild.Day(day);
                settled._versions[day - start] = held?.Version ?? -1;
                foreach (var row in held?.Rows ?? [])
                {
                    settled._ms[row.User] = settled._ms.GetValueOrDefault(row.User) + row.TotalMs;
                }
            }

            return settled;
        }

        /// <summary>True while every day is held at the version it was summed at.</summary>
        public bool IsCurrent(GuildVoiceDays guild)
        {
            for (var i = 0; i < _versions.Length; i++)
            {
                if ((guild.Day(_start + i)?.Version ?? -1) != _versions[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
