namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Whether the members who joined in a window posted soon after (summary <c>activation</c>); see
/// <see cref="NewMemberActivationQuery"/> for who counts and what a counted message is.
/// </summary>
/// <param name="Joined">Members whose (latest) join falls in the window.</param>
/// <param name="WithinOneDay">Posted within 24 hours of joining.</param>
/// <param name="WithinSevenDays">Posted within 7 days of joining.</param>
public sealed record NewMemberActivation(long Joined, ActivationRate WithinOneDay, ActivationRate WithinSevenDays);
