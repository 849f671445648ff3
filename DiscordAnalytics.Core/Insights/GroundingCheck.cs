using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Grounded numbers (issue 5): every number in a generated text must come from the summary it was given.
/// <list type="bullet">
/// <item>Extracted from texts: ISO dates (<c>2026-11-19</c>) as one token; numbers with optional thousands
/// separators and decimals (<c>1,234</c>, <c>17.5</c>); a number followed by <c>%</c> is a percentage. Signs
/// are not part of a number ("-25%" is 25%).</item>
/// <item>A date is grounded when that date string appears in the summary JSON.</item>
/// <item>A plain number is grounded when its value equals a JSON number of the summary, or a number written
/// inside one of its strings (names, excerpts, ids). A date's parts are not numbers: dates stay whole.</item>
/// <item>A percentage is grounded only when it equals a <see cref="TotalsChange.Percent"/> (the rounded change
/// between a total and its previous total) or a percentage written inside a summary string.</item>
/// </list>
/// </summary>
public static partial class GroundingCheck
{
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    public static Grounding Check(AnalyticsSummary summary, IEnumerable<string> texts)
    {
        var facts = Facts(summary);
        var violations = texts
            .SelectMany(Extract)
            .Where(token => !facts.Allows(token))
            .Select(token => token.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Grounding(violations);
    }

    /// <summary>The numbers of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<NumberToken> Extract(string text) =>
        [.. NumberPattern().Matches(text).Select(m => m.Groups["date"].Success
            ? new NumberToken(m.Value, 0, IsPercent: false, IsDate: true)
            : new NumberToken(
                m.Value,
                decimal.Parse(m.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                IsPercent: m.Groups["percent"].Success,
                IsDate: false))];

    private static GroundingFacts Facts(AnalyticsSummary summary)
    {
        var facts = new GroundingFacts();
        Collect(JsonSerializer.SerializeToElement(summary, SummaryJson), facts);
        foreach (var change in TotalsChange.FromSummary(summary))
        {
            if (change.Percent is { } percent)
            {
                facts.Percents.Add(percent);
            }
        }

        return facts;
    }

    private static void Collect(JsonElement element, GroundingFacts facts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, facts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, facts);
                }

                break;
            case JsonValueKind.Number:
                facts.Numbers.Add(element.GetDecimal());
                break;
            case JsonValueKind.String:
                foreach (var token in Extract(element.GetString() ?? string.Empty))
                {
                    if (token.IsDate)
                    {
                        facts.Dates.Add(token.Text);
                    }
                    else
                    {
                        facts.Numbers.Add(token.Value);
                        if (token.IsPercent)
                        {
                            facts.Percents.Add(token.Value);
                        }
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})|(?<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?<percent>\s?%)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private sealed class GroundingFacts
    {
        public HashSet<decimal> Numbers { get; } = [];

        public HashSet<decimal> Percents { get; } = [];

        public HashSet<string> Dates { get; } = new(StringComparer.Ordinal);

        public bool Allows(NumberToken token) =>
            token.IsDate ? Dates.Contains(token.Text)
            : token.IsPercent ? Percents.Contains(token.Value)
            : Numbers.Contains(token.Value);
    }
}
