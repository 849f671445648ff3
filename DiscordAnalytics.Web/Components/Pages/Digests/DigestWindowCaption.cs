using System.Globalization;
using DiscordAnalytics.Core.Digests;

namespace DiscordAnalytics.Web.Components.Pages.Digests;

/// <summary>The days a digest covers, as the Digests page writes them: first and last day (UTC), both included.</summary>
public static class DigestWindowCaption
{
    public static string Describe(Digest digest) =>
        $"{Day(digest.WindowStartAt)} to {Day(digest.WindowEndAt - 1)}";

    private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
