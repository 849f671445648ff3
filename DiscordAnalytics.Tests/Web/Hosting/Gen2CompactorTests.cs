using DiscordAnalytics.Web.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>The heap is compacted only once what the GC keeps committed has outgrown the last live set by a quarter plus the slack.</summary>
public sealed class Gen2CompactorTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(38, 55, false)] // the demo right after a full collection: 38 MiB live, budgets and a little garbage
    [InlineData(38, 56, true)] // 47.5 + 8 = 55.5 MiB is the bound
    [InlineData(38, 69, true)] // the demo after minutes of promotions into gen2
    [InlineData(200, 257, false)] // a large store's kept indexes: the bound grows with the live set
    [InlineData(200, 259, true)]
    public void ShouldCompact_PastAQuarterOfTheLiveSetPlusTheSlack(long liveMiB, long committedMiB, bool compacts) =>
        Assert.Equal(compacts, Gen2Compactor.ShouldCompact(committedMiB * MiB, liveMiB * MiB));

    [Fact]
    public void ShouldCompact_BeforeAnyFullCollection_OncePastTheSlack()
    {
        Assert.False(Gen2Compactor.ShouldCompact(Gen2Compactor.SlackBytes, 0));
        Assert.True(Gen2Compactor.ShouldCompact(Gen2Compactor.SlackBytes + 1, 0));
    }
}
