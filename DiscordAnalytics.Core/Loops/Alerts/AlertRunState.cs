namespace DiscordAnalytics.Core.Loops.Alerts;

public enum AlertRunState
{
    /// <summary>Evaluated; alerts were recorded and sent (or held in quiet hours).</summary>
    Ran,
    GuildNotFound,

    /// <summary>The guild's alerts are off (or have no channel): nothing evaluated, nothing sent.</summary>
    SwitchedOff,

    /// <summary>Neither Discord nor the demo community: nowhere to post.</summary>
    NoDiscord,
}
