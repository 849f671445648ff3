using DiscordAnalytics.Core.Digests;

namespace DiscordAnalytics.Tests.Digests;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("@everyone", "\\@everyone")]
    [InlineData("<@123>", "\\<\\@123\\>")]
    [InlineData("[x](https://e.x)", "\\[x\\]\\(https://e.x\\)")]
    [InlineData("**b** __u__ ~~s~~ ||spoiler|| `c`", "\\*\\*b\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`c\\`")]
    [InlineData("EURUSD 1.0850 -> 1,234 on 2026-11-19", "EURUSD 1.0850 -\\> 1,234 on 2026-11-19")]
    [InlineData("two\nlines\r\n# heading", "two lines  \\# heading")]
    public void Escape_UserText_EveryMarkupCharacterIsEscapedAndNumbersStayIntact(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(text));
    }

    [Fact]
    public void Escape_LoneSurrogates_BecomeReplacementCharactersAndPairsStay()
    {
        Assert.Equal("a\uFFFDb\uFFFD😀", MarkdownText.Escape("a\uD800b\uDC00😀"));
    }

    [Fact]
    public void Plain_EscapedText_ReadsAsTyped()
    {
        const string text = "<@1> **x** [y](z) a\\b";

        Assert.Equal(text, MarkdownText.Plain(MarkdownText.Escape(text)));
    }
}
