namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// The most common keywords of one guild's closed UTC day (<see cref="Analytics.KeywordDays"/>): what
/// <c>commonKeywords</c> sums for a window instead of tokenizing every excerpt in it. Stored by
/// <see cref="Analytics.KeywordDayFiller"/> (a background job), never by a query; the ingestion writer deletes a day's
/// row when a message of that day is created, edited, deleted or forgotten, and the filler stores it again. Until then
/// queries compute the day in memory. A row with no terms is a day without keywords.
/// </summary>
public sealed class KeywordDay
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>) the messages were created on.</summary>
    public int Day { get; set; }

    /// <summary>Up to <see cref="Analytics.KeywordDays.TermsPerDay"/> terms with their message counts, as <see cref="Analytics.KeywordDayTerms"/> writes them.</summary>
    public string Terms { get; set; } = string.Empty;
}
