namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>A channel of the large community; <see cref="Weight"/> is its share of chat (Zipf: a few channels carry most).</summary>
public sealed record LargeChannel(ulong Id, string Name, int Type, ulong? ParentId, double Weight)
{
    /// <summary>Named like a help channel (the default rule of support signals: help, support, questions).</summary>
    public bool IsHelpText => Name.Contains("help", StringComparison.Ordinal) || Name.Contains("questions", StringComparison.Ordinal);
}
