namespace DiscordAnalytics.Web.Api;

/// <summary>One guild's model-calling requests in <see cref="ModelCallGate"/> (guarded by its lock).</summary>
internal sealed class GuildModelCalls
{
    public bool Running { get; set; }

    /// <summary>When each request of the last minute started, oldest first.</summary>
    public Queue<DateTimeOffset> Starts { get; } = new();
}
