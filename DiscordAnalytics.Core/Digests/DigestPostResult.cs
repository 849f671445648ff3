namespace DiscordAnalytics.Core.Digests;

/// <summary>What a post attempt did. <see cref="Digest"/> is the stored state afterwards (null when not found).</summary>
/// <param name="SentNow">Messages sent by this attempt.</param>
/// <param name="Error">A sentence for the owner when the outcome is not a success.</param>
public sealed record DigestPostResult(DigestPostOutcome Outcome, Digest? Digest, int SentNow, string? Error)
{
    public bool Succeeded => Outcome is DigestPostOutcome.Posted or DigestPostOutcome.AlreadyPosted;
}
