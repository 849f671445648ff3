namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Discord's embed limits (developer docs, "Embed Limits"). Lengths are counted in UTF-16 code units, which is
/// never less than Discord's character count, so text within these limits is within Discord's.
/// </summary>
public static class EmbedLimits
{
    public const int Title = 256;

    public const int Description = 4096;

    public const int Fields = 25;

    public const int FieldName = 256;

    public const int FieldValue = 1024;

    /// <summary>Sum of every embed's title, description, field names/values, footer and author name in one message.</summary>
    public const int TotalPerMessage = 6000;

    public const int EmbedsPerMessage = 10;
}
