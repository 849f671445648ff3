using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.SupportItems;

namespace DiscordAnalytics.Tests.Analytics.SupportItems;

/// <summary>The median and 90th percentile across several sorted arrays equal those of all their values sorted together.</summary>
public sealed class SortedUnionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MedianAndPercentile90_RandomDays_EqualSortingAllValues(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            // Days with no values, one, many; ties; waits from a second to days.
            var arrays = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.Next(4) == 0 ? 60_000L * random.Next(3) : (long)random.Next(1_000, 900_000_000)).Order().ToArray())
                .ToList();
            var minutes = arrays.SelectMany(a => a).Select(ms => ms / 60_000.0).ToList();
            Assert.Equal(SupportSignalsQuery.Median(minutes), SortedUnion.Median(arrays));
            Assert.Equal(SupportSignalsQuery.Percentile90(minutes), SortedUnion.Percentile90(arrays));
        }
    }
}
