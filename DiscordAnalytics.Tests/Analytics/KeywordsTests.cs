using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Tests.Analytics;

public sealed class KeywordsTests
{
    [Fact]
    public void Top_RepeatedTermsInOneMessage_CountOncePerMessage()
    {
        var top = Keywords.Top(["Deploy DEPLOY deploy!", "deploy failed", "deploy"], 10);

        Assert.Equal([new("deploy", 3), new("failed", 1)], top);
    }

    [Fact]
    public void Top_StopWordsShortWordsAndNumbers_AreDropped()
    {
        var top = Keywords.Top(["The API is on v2 since 2026, so we use it: 42 ok api2 café"], 10);

        Assert.Equal(["api", "api2", "café", "since"], top.Select(k => k.Keyword).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Top_TimeWordsAndEverydayChatFiller_AreDropped()
    {
        var top = Keywords.Top(
        [
            "good night everyone, see you tomorrow",
            "finally fixed my desk setup, two monitors now",
            "anyone else watching the stream tonight?",
            "thanks guys, deploy to staging went fine, prod tomorrow",
        ], 20);

        Assert.Equal(
            ["deploy", "desk", "fixed", "monitors", "prod", "setup", "staging", "stream", "two"],
            top.Select(k => k.Keyword).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Top_TiedCounts_OrderByKeywordAscending()
    {
        var top = Keywords.Top(["zebra apple", "mango zebra apple", "mango"], 2);

        Assert.Equal([new("apple", 2), new("mango", 2)], top);
    }
}
