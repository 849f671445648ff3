namespace DiscordAnalytics.Core.Digests;

public enum DigestEditOutcome
{
    Saved,
    NotFound,
    AlreadyPosted,
    TooLong,
    Empty,
}
