using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Tests.Analytics;

public sealed class IanaTimeZonesTests
{
    [Theory]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData(" ASIA/KATHMANDU ", "Asia/Kathmandu")]
    [InlineData("utc", "UTC")]
    [InlineData("America/New_York", "America/New_York")]
    public void Canonical_AnyLetterCase_TheSystemSpelling(string typed, string expected) =>
        Assert.Equal(expected, IanaTimeZones.Canonical(typed));

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Europe/Berlin/../../etc")]
    public void Canonical_NotAnIanaId_Null(string? typed)
    {
        Assert.Null(IanaTimeZones.Canonical(typed));
        Assert.Null(IanaTimeZones.Find(typed));
    }

    [Fact]
    public void Find_LowerCase_TheZone() =>
        Assert.Equal(TimeSpan.FromMinutes(345), IanaTimeZones.Find("asia/kathmandu")!.BaseUtcOffset);

    [Theory]
    [InlineData("berl", "Europe/Berlin")]
    [InlineData("new y", "America/New_York")]
    [InlineData("KATHM", "Asia/Kathmandu")]
    public void Suggest_PartOfAName_ThatZoneFirst(string typed, string first) =>
        Assert.Equal(first, IanaTimeZones.Suggest(typed)[0]);

    [Fact]
    public void Suggest_Nothing_AtMostTheLimit_AndNothingForNonsense()
    {
        Assert.Equal(20, IanaTimeZones.Suggest(null).Count);
        Assert.Empty(IanaTimeZones.Suggest("zzzqqq"));
        Assert.All(IanaTimeZones.Suggest("europe/", 50), id => Assert.StartsWith("Europe/", id, StringComparison.Ordinal));
    }
}
