namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>
/// An event reached a typed view without a field its kind needs. The writer makes views only of events that passed
/// <see cref="IngestEvent.Validate"/>, so this is a bug in the writer, never bad input.
/// </summary>
internal sealed class IncompleteEventException(IngestEvent e)
    : InvalidOperationException($"A {e.TypeName} event of guild {e.GuildId} lacks a field its kind needs; only validated events are typed.");
