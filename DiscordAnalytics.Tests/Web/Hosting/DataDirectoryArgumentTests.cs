using DiscordAnalytics.Web.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

public sealed class DataDirectoryArgumentTests
{
    [Fact]
    public void Expand_NoOption_ReturnsTheArgumentsUnchanged()
    {
        string[] args = ["--urls", "http://127.0.0.1:5000"];

        Assert.Same(args, DataDirectoryArgument.Expand(args));
    }

    [Theory]
    [InlineData("--data-dir", "/srv/da")]
    [InlineData("--data-dir=/srv/da", null)]
    public void Expand_Folder_PutsTheStoreInsideItFirstSoAnExplicitConnectionStringWins(string option, string? value)
    {
        string[] args = value is null ? ["--urls", "x", option] : ["--urls", "x", option, value];

        var expanded = DataDirectoryArgument.Expand(args);

        Assert.Equal(["--Storage:ConnectionString=Data Source=/srv/da/analytics.db", "--Storage:DataDirectory=/srv/da", "--urls", "x"], expanded);
    }

    [Theory]
    [InlineData("--data-dir")]
    [InlineData("--data-dir=")]
    [InlineData("--data-dir", "--urls")]
    public void Expand_NoFolder_IsRefusedNamingTheOption(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => DataDirectoryArgument.Expand(args));

        Assert.Contains("--data-dir needs a folder", error.Message);
    }
}
