using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Discord.Replay;

/// <summary>
/// One gateway dispatch of a <see cref="ReplayStream"/>, as delivered (duplicates are separate deliveries
/// of the same logical event).
/// </summary>
/// <param name="Logical">The logical event it delivers (duplicates share it).</param>
/// <param name="EventName">Dispatch <c>t</c>.</param>
/// <param name="Json">Dispatch <c>d</c>.</param>
/// <param name="Truth">The same event for <see cref="Ingestion.GroundTruth"/>, written out independently of the normalizer.</param>
/// <param name="RowKey">
/// The raw-event key the store dedupes it by, or null when every delivery is a new raw row (reactions and
/// leaves carry no time of their own, so the store keys them by receive time).
/// </param>
/// <param name="IsDuplicate">Whether this is a redelivery of an event delivered earlier in the stream.</param>
public sealed record ReplayDelivery(int Logical, string EventName, string Json, IngestEvent Truth, string? RowKey, bool IsDuplicate);
