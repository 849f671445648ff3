namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>What a run would do now: whether alerts are on, whether it is quiet hours (then nothing is posted, new ones are held), how many threads and questions wait, and the alerts.</summary>
public sealed record AlertPreview(bool Enabled, bool QuietNow, int Waiting, IReadOnlyList<AlertPreviewItem> Alerts);
