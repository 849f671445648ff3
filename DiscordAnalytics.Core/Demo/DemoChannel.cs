namespace DiscordAnalytics.Core.Demo;

/// <summary>A channel of the demo community.</summary>
/// <param name="Id">Channel snowflake.</param>
/// <param name="Name">Channel name as Discord shows it.</param>
/// <param name="Type">Discord channel type (0 text, 2 voice, 4 category, 5 announcement, 15 forum).</param>
/// <param name="ParentId">The category, or null for a category.</param>
/// <param name="Kind">Who posts there.</param>
/// <param name="Topic">What they talk about.</param>
/// <param name="Weight">Relative popularity among chat channels (long-tailed).</param>
public sealed record DemoChannel(ulong Id, string Name, int Type, ulong? ParentId, DemoChannelKind Kind, DemoTopic Topic, double Weight);
