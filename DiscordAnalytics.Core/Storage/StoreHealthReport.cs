namespace DiscordAnalytics.Core.Storage;

public sealed record StoreHealthReport(bool Ok, string? Problem);
