using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// What a demo message carries, drawn from its id so the history is the same on every start and the live stream needs
/// no extra random draws: about 1 in 12 has a file, 1 in 10 a link, 1 in 7 a mention (replies mention more often). The
/// excerpt stays the plain line; the length counts the link the message would hold.
/// </summary>
internal static class DemoMessageShape
{
    private const int LinkLength = 34;

    public static MessageShape For(ulong messageId, string excerpt, bool isReply)
    {
        var draw = (messageId * 0x9E3779B97F4A7C15UL) >> 32;
        var files = draw % 12 == 0 ? 1 + (int)((draw >> 8) % 2) : 0;
        var link = (draw >> 12) % 10 == 0;
        var mentions = (draw >> 20) % (isReply ? 3UL : 7UL) == 0 ? 1 : 0;
        var measured = MessageShape.Of(excerpt, files, mentions);
        return link ? measured with { Length = measured.Length + LinkLength, HasLink = true } : measured;
    }
}
