using DiscordAnalytics.Core.Ingestion.Emojis;

namespace DiscordAnalytics.Tests.Ingestion.Emojis;

/// <summary>Which text is an emoji, one grapheme cluster each, against UTS #51's sequences and Unicode's emoji-data.txt.</summary>
public sealed class ContentEmojisTests
{
    [Theory]
    [InlineData("gm 🎉", "🎉")]
    [InlineData("🎉🎉", "🎉 🎉")]
    [InlineData("thumbs 👍🏽 up", "👍🏽")]
    [InlineData("☝🏿", "☝🏿")]
    [InlineData("family 👨‍👩‍👧‍👦 and 🧑‍💻", "👨‍👩‍👧‍👦 🧑‍💻")]
    [InlineData("🏳️‍🌈 ❤️‍🔥", "🏳️‍🌈 ❤️‍🔥")]
    [InlineData("🇫🇷🇧🇷", "🇫🇷 🇧🇷")]
    [InlineData("🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🏴󠁧󠁢󠁥󠁮󠁧󠁿")]
    [InlineData("1️⃣ #️⃣ 5⃣", "1️⃣ #️⃣ 5⃣")]
    [InlineData("❤️ ©️", "❤️ ©️")]
    [InlineData("<:party:123456789012345678> and <a:dance:223456789012345678>", "party:123456789012345678 dance:223456789012345678")]
    [InlineData("future 🫩", "🫩")]
    public void Find_Emojis_EachClusterOnceInOrder(string content, string expected) =>
        Assert.Equal(expected, ContentEmojis.Find(content));

    [Theory]
    [InlineData("plain text, 5 digits 2026 # * ™ © ® ❤ ☺ ↔")]
    [InlineData("a lone regional indicator 🇫 is a letter")]
    [InlineData("text style ❤︎ stays text")]
    [InlineData("<:x:1> is too short to be Discord's")]
    [InlineData("")]
    public void Find_NoEmoji_Null(string content) =>
        Assert.Null(ContentEmojis.Find(content));

    [Fact]
    public void Counts_StoredValue_EachEmojiWithItsUses() =>
        Assert.Equal([("🎉", 2), ("party:1", 1)], ContentEmojis.Counts(ContentEmojis.Find("🎉 <:party:1> 🎉")));
}
