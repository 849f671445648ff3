namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>One guild's voice state in the writer: its members' sessions and its AFK channel.</summary>
internal sealed class GuildVoice
{
    public Dictionary<long, VoiceMember> Members { get; } = [];

    /// <summary>0 when the guild has no AFK channel.</summary>
    public long AfkChannel { get; set; }

    /// <summary>The time of the full list of voice states being read (GUILD_CREATE), while unlisted sessions wait to close.</summary>
    public long? SyncAt { get; set; }

    public IEnumerable<VoiceMember> In(long channel) => Members.Values.Where(m => m.Channel == channel && channel != 0);
}
