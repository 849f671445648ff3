namespace DiscordAnalytics.Core.Privacy;

/// <summary>What <see cref="MemberPrivacySettings.SetAsync"/> did.</summary>
public enum MemberPrivacyUpdate
{
    Saved,
    GuildNotFound,

    /// <summary>Forgetting is irreversible: a forgotten member can be neither hidden, made visible nor forgotten again.</summary>
    AlreadyForgotten,

    /// <summary>The forget was handed to ingestion but not committed (the writer logged why); nothing was deleted.</summary>
    ForgetNotCommitted,
}
