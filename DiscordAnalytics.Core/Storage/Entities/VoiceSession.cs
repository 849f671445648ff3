namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A member's open voice session (one per guild and member; the row goes when the session ends). Its time is counted
/// into <see cref="VoiceDay"/> and the member rollups as it passes, up to <see cref="AccountedAt"/>: the checkpoint a
/// session that ended while the app was down is closed at.
/// </summary>
public sealed class VoiceSession
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    /// <summary>The voice or stage channel.</summary>
    public long ChannelId { get; set; }

    public bool IsBot { get; set; }

    /// <summary>Muted or deafened (by themselves or the server), or a stage listener.</summary>
    public bool Muted { get; set; }

    /// <summary>When the member entered the channel (epoch ms).</summary>
    public long StartedAt { get; set; }

    /// <summary>The session's time is counted up to here (epoch ms): the last state change or checkpoint.</summary>
    public long AccountedAt { get; set; }

    /// <summary>The newest observation of the member's voice state that applied (epoch ms): older ones change nothing.</summary>
    public long SeenAt { get; set; }
}
