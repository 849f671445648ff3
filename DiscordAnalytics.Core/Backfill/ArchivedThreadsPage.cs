using System.Text.Json;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>One page of <c>GET /channels/{id}/threads/archived/public</c>: threads by archive time, newest first.</summary>
public sealed record ArchivedThreadsPage(IReadOnlyList<JsonElement> Threads, bool HasMore);
