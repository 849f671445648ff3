using DiscordAnalytics.Core.Privacy;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Every five minutes: finish the scrubs a forget could not (Discord refused or was unreachable while editing a posted
/// digest, or the app stopped between committing the forget and scrubbing the digests). Running it with nothing left is
/// two small queries; running it twice is harmless (a scrubbed digest no longer holds the id, an edit leaves the same message).
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class PrivacyScrubJob(ForgottenDigestScrubber scrubber)
{
    /// <summary>Stable recurring job id.</summary>
    public const string Id = "privacy-scrub";

    public const string Cron = "*/5 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => scrubber.RunPendingAsync(cancellationToken);
}
