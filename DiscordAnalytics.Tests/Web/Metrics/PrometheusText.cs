using System.Globalization;
using System.Text.RegularExpressions;

namespace DiscordAnalytics.Tests.Web.Metrics;

/// <summary>A scrape in Prometheus text format, read sample by sample (name, labels, value); comments and types are skipped.</summary>
public sealed partial class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"Not a sample line: {line}");
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value));
            _samples.Add((sample.Groups["name"].Value, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    /// <summary>The value of the one sample named <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var matches = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        Assert.True(matches.Count == 1, $"Expected one sample {name} {string.Join(",", labels)}, found {matches.Count} in:\n{Text}");
        return matches[0].Value;
    }

    /// <summary>The samples named <paramref name="name"/>, with their labels.</summary>
    public IReadOnlyList<(Dictionary<string, string> Labels, double Value)> All(string name) =>
        [.. _samples.Where(s => s.Name == name).Select(s => (s.Labels, s.Value))];

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
