namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>A chunk of <paramref name="Table"/> committed in the target: <paramref name="Copied"/> of <paramref name="Total"/> rows are there now.</summary>
public sealed record CopiedChunk(string Table, long Copied, long Total);
