namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>How a stretch of voice time was spent; each is counted apart (docs/how-it-counts.md).</summary>
internal enum VoiceKind
{
    /// <summary>Heard, with at least one other (human) member in the channel.</summary>
    Talk,

    /// <summary>Muted or deafened, by themselves or the server, or a stage listener.</summary>
    Muted,

    /// <summary>Not muted, but no other (human) member in the channel.</summary>
    Alone,
}
