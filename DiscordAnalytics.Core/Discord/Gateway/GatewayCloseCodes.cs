namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Gateway close codes and what each means for reconnecting (FACTS.md section 4).</summary>
public static class GatewayCloseCodes
{
    public const int NormalClosure = 1000;
    public const int GoingAway = 1001;
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>The action for a close code; null means a dropped socket without a code (resume).</summary>
    public static ReconnectAction Classify(int? closeCode) => closeCode switch
    {
        null => ReconnectAction.Resume,
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents => ReconnectAction.Fatal,
        InvalidSeq or SessionTimedOut => ReconnectAction.Identify,

        // A server close with 1000/1001 invalidates the session (discord-api-docs#2922).
        NormalClosure or GoingAway => ReconnectAction.Identify,
        _ => ReconnectAction.Resume,
    };

    /// <summary>A user-facing explanation for a fatal close code (no secrets).</summary>
    public static string FatalReason(int closeCode) => closeCode switch
    {
        AuthenticationFailed => "Discord rejected the bot token (close 4004 authentication failed). Set a valid token in Discord__Token or user-secrets, then restart.",
        InvalidShard => "Discord rejected the shard (close 4010 invalid shard).",
        ShardingRequired => "Discord requires sharding for this bot (close 4011); bots in 2500 or more guilds are not supported yet.",
        InvalidApiVersion => "Discord rejected the gateway API version (close 4012).",
        InvalidIntents => "Discord rejected the requested intents as invalid (close 4013). Check Discord:PrivilegedIntents.",
        DisallowedIntents => "Discord refused privileged intents that are not enabled for this bot (close 4014).",
        _ => $"The gateway closed with code {closeCode}.",
    };
}
