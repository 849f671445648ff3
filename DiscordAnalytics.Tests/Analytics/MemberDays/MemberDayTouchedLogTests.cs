using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Tests.Analytics.MemberDays;

/// <summary>
/// The log of members a day's commits touched (what the leaderboard's kept recent boards follow): every member changed
/// after a version, and an honest "cannot tell" once the log was cut past it, never a partial list.
/// </summary>
public sealed class MemberDayTouchedLogTests
{
    [Fact]
    public void TouchedSince_FollowsEachCommitAndSaysSoWhenTheLogNoLongerReachesBack()
    {
        var day = new MemberDay(version: 10);
        Apply(day, 11, 1, 2);
        Apply(day, 12, 3);

        Assert.True(day.TouchedSince(10, out var all));
        Assert.Equal([1, 2, 3], all);
        Assert.True(day.TouchedSince(11, out var last));
        Assert.Equal([3], last);
        Assert.True(day.TouchedSince(12, out var none));
        Assert.Empty(none);
        Assert.False(day.TouchedSince(9, out _), "before the version the day was read at");

        // Past its bound the log starts again at the current version: a reader from before must rank again.
        var version = 12L;
        while (version < 12 + MemberDay.KeptFlips + 1)
        {
            Apply(day, ++version, (int)(version % 50));
        }

        Assert.False(day.TouchedSince(12, out _));
        Apply(day, ++version, 7);
        Assert.True(day.TouchedSince(version - 1, out var after));
        Assert.Equal([7], after);
    }

    /// <summary>One commit as the member days apply it: each member's entry changed and logged, then the day stepped.</summary>
    private static void Apply(MemberDay day, long version, params int[] members)
    {
        foreach (var member in members)
        {
            var before = day.EntryOf(member);
            day.Add(member, new MemberDayDelta(member, IsBot: false, Messages: 1, Reactions: 0, Threads: 0));
            day.Log(version, member, before, day.EntryOf(member));
        }

        day.Stepped(version);
    }
}
