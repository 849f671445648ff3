namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A listed member of a preview: id and display name (null when the app never saw one).</summary>
public sealed record PreviewMember(string UserId, string? Name);
