namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>The limits alert settings must keep; the API and the Settings panel both check with this before saving.</summary>
public static class AlertsValidation
{
    public const int DefaultUnansweredHours = 4;
    public const int DefaultBacklogThreshold = 10;
    public const int DefaultDropPercent = 50;
    public const int DefaultDropDays = 7;

    /// <summary>
    /// A question's answer is recorded only within 24 hours (the support signals' rule), so "unanswered for more than
    /// X hours" can be told apart from "answered late" only up to 24.
    /// </summary>
    public const int MaxUnansweredHours = 24;

    public const int MaxBacklogThreshold = 10_000;

    /// <summary>The first problem of <paramref name="input"/> for guild <paramref name="guildId"/>, or null when it may be saved.</summary>
    public static AlertProblem? Check(long guildId, AlertSettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ChannelId is { } channel && channel <= 0)
        {
            return new AlertProblem("channelId", "channelId must be the Discord id of a channel of this server.");
        }

        if (input.Enabled && input.ChannelId is null)
        {
            return new AlertProblem("channelId", "channelId is needed to switch alerts on: the channel they are posted in.");
        }

        // The @everyone role has the guild's id: mentioning it would ping the whole server.
        if (input.MentionRoleId is { } role && (role <= 0 || role == guildId))
        {
            return new AlertProblem("mentionRoleId", "mentionRoleId must be the Discord id of a role of this server (not @everyone), or null.");
        }

        if (input.UnansweredHours is < 1 or > MaxUnansweredHours)
        {
            return new AlertProblem("unansweredHours", $"unansweredHours must be a whole number from 1 to {MaxUnansweredHours}.");
        }

        if (input.BacklogThreshold is < 1 or > MaxBacklogThreshold)
        {
            return new AlertProblem("backlogThreshold", $"backlogThreshold must be a whole number from 1 to {MaxBacklogThreshold}.");
        }

        if (input.DropPercent is < 1 or > 100)
        {
            return new AlertProblem("dropPercent", "dropPercent must be a whole number from 1 to 100.");
        }

        if (input.DropDays is not (1 or 7))
        {
            return new AlertProblem("dropDays", "dropDays must be 1 or 7.");
        }

        if (input.QuietStartHour is { } start && start is < 0 or > 23)
        {
            return new AlertProblem("quietStartHour", "quietStartHour must be an hour from 0 to 23, or null.");
        }

        if (input.QuietEndHour is { } end && end is < 0 or > 23)
        {
            return new AlertProblem("quietEndHour", "quietEndHour must be an hour from 0 to 23, or null.");
        }

        if ((input.QuietStartHour is null) != (input.QuietEndHour is null))
        {
            return new AlertProblem(input.QuietStartHour is null ? "quietStartHour" : "quietEndHour", "quietStartHour and quietEndHour are set together, or both null.");
        }

        if (input.QuietStartHour is { } from && from == input.QuietEndHour)
        {
            return new AlertProblem("quietEndHour", "quietEndHour must differ from quietStartHour.");
        }

        return null;
    }
}
