namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>
/// A member's voice state as the writer holds it (a <c>voiceSessions</c> row): <see cref="Channel"/> 0 when not in
/// voice (the row stays, so an older observation arriving late still changes nothing).
/// </summary>
internal sealed class VoiceMember(long user)
{
    public long User { get; } = user;

    public long Channel { get; set; }

    public bool IsBot { get; set; }

    public bool Muted { get; set; }

    public long StartedAt { get; set; }

    public long AccountedAt { get; set; }

    public long SeenAt { get; set; }

    /// <summary>
    /// Open when a full list of voice states began (GUILD_CREATE) and not listed in it yet: counted no further, and
    /// closed at <see cref="AccountedAt"/> unless the list names it.
    /// </summary>
    public bool Unconfirmed { get; set; }

    public bool InVoice => Channel != 0;
}
