namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>One UTC day of summary <c>roleChanges</c>: role holdings that began and ended that day. Every day of the window is present, zero-filled.</summary>
public sealed record RoleChangeDay(DateOnly Date, int Gained, int Lost);
