namespace DiscordAnalytics.Core.Discord;

/// <summary>The <c>message_reference.type</c> numbers: a reply points at its message, a forward carries a copy.</summary>
public static class MessageReferenceTypes
{
    /// <summary>A reply (also what a reference without a <c>type</c> means).</summary>
    public const int Default = 0;

    public const int Forward = 1;
}
