using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Tests.Analytics.MemberDays;

/// <summary>
/// A member day keeps its counts in a byte each with the large ones beside them (<see cref="NarrowCounts"/>): every count
/// reads back exactly what was stored and added, across the byte's edge both ways, after removals that move another
/// entry into the removed one's place, and with negative deltas.
/// </summary>
public sealed class MemberDayCountsTests
{
    [Fact]
    public void Counts_AcrossTheByteEdgeAndThroughRemovals_EqualWhatWasStoredAndAdded()
    {
        var random = new Random(18);
        var day = new MemberDay(version: 1);
        var truth = new Dictionary<int, (bool Bot, long Messages, long Reactions, long Threads, bool Talked)>();
        foreach (var member in Enumerable.Range(0, 400))
        {
            var row = (random.Next(8) == 0, Count(random), Count(random), Count(random), random.Next(5) == 0);
            day.Append(member, row.Item1, row.Item2, row.Item3, row.Item4, row.Item5);
            truth[member] = row;
        }

        day.Trim();
        for (var step = 0; step < 3_000; step++)
        {
            var member = random.Next(450);
            if (random.Next(10) == 0)
            {
                day.Remove(member);
                truth.Remove(member);
                continue;
            }

            // Deltas up and down (a delete takes a message back), some of them large, across 255 both ways.
            var delta = new MemberDayDelta(member, random.Next(8) == 0, Delta(random), Delta(random), Delta(random)) { TalkMs = random.Next(6) == 0 ? 1_000 : 0 };
            var (bot, messages, reactions, threads, talked) = truth.GetValueOrDefault(member);
            if (!truth.ContainsKey(member) && (delta.Messages < 0 || delta.Reactions < 0 || delta.Threads < 0))
            {
                continue;
            }

            day.Add(member, delta);
            truth[member] = (delta.IsBot, messages + delta.Messages, reactions + delta.Reactions, threads + delta.Threads, talked || delta.TalkMs > 0);
        }

        Assert.True(day.Overflows > 0, "some counts crossed the byte's edge");
        Assert.Equal(truth.Count, day.Count);
        for (var i = 0; i < day.Count; i++)
        {
            var (bot, messages, reactions, threads, talked) = truth[day.MemberAt(i)];
            Assert.Equal((bot, messages, reactions, threads, talked), (day.IsBotAt(i), (long)day.MessagesAt(i), (long)day.ReactionsAt(i), (long)day.ThreadsAt(i), day.TalkedAt(i)));
            Assert.Equal(messages > 0 || reactions > 0 || talked, day.IsActiveAt(i));
        }
    }

    private static long Count(Random random) => random.Next(6) switch
    {
        0 => random.Next(250, 70_000),
        1 => 254 + random.Next(3),
        _ => random.Next(20),
    };

    private static long Delta(Random random) => random.Next(5) switch
    {
        0 => random.Next(-300, 300),
        1 => random.Next(-2, 0),
        _ => random.Next(0, 3),
    };
}
