namespace DiscordAnalytics.Core.Analytics;

/// <summary>The outcome of <see cref="EscalationRoleSettings.SetAsync"/>.</summary>
public enum EscalationRolesUpdate
{
    Saved,
    GuildNotFound,

    /// <summary>An id is not a stored, not deleted role of the guild; nothing was changed.</summary>
    UnknownRole,
}
