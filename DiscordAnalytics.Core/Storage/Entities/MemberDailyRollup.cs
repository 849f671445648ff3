namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>Per member and UTC day: what the member cards and active-member counts read.</summary>
public sealed class MemberDailyRollup
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    public long UserId { get; set; }

    public bool IsBot { get; set; }

    public long MessagesSent { get; set; }

    /// <summary>Present reactions by this member on messages created this day.</summary>
    public long ReactionsAdded { get; set; }

    public long ThreadsStarted { get; set; }

    /// <summary>Milliseconds in voice this day (AFK channel excluded), however spent.</summary>
    public long VoiceMs { get; set; }

    /// <summary>Of <see cref="VoiceMs"/>, heard with others in the channel: a member with any is active this day.</summary>
    public long TalkMs { get; set; }
}
