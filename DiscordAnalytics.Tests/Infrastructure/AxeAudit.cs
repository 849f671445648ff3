using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (Deque.AxeCore.Playwright) on a page with the WCAG 2.x A and AA rules and describes every serious
/// or critical violation: rule id, impact, each failing element's selector and axe's help text, so a failure says
/// what to fix without opening a browser.
/// </summary>
public static class AxeAudit
{
    /// <summary>The WCAG 2.0, 2.1 and 2.2 level A and AA rule tags.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>
    /// Ends every transition and animation at once, for good: axe reads the colours as they are at that instant, and a
    /// button just enabled (MudBlazor fades its background over 250 ms) would be judged on a colour halfway between grey
    /// and its own (a contrast of 4.44 once, for a button whose own is above 4.5).
    /// </summary>
    private const string Settled = "*, *::before, *::after { transition: none !important; animation: none !important; }";

    /// <summary>One line per serious or critical violation on <paramref name="page"/> as its styles settle; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string label)
    {
        await page.AddStyleTagAsync(new() { Content = Settled });
        return Describe(await page.RunAxe(Options()), label);
    }

    /// <summary>The same for the part of the page <paramref name="part"/> finds (a card), so other parts cannot hide or add a finding.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(ILocator part, string label)
    {
        await part.Page.AddStyleTagAsync(new() { Content = Settled });
        return Describe(await part.RunAxe(Options()), label);
    }

    private static AxeRunOptions Options() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        ResultTypes = [ResultType.Violations],
    };

    private static List<string> Describe(AxeResult result, string label)
    {
        var lines = new List<string>();
        foreach (var violation in result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)))
        {
            foreach (var node in violation.Nodes)
            {
                var line = new StringBuilder()
                    .Append(label).Append(": ").Append(violation.Id).Append(" (").Append(violation.Impact).Append(") at ")
                    .Append(node.Target).Append(": ").Append(violation.Help);
                // The check's own words carry the measured detail (a contrast ratio and its colours, a missing name).
                var check = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
                if (check is not null)
                {
                    line.Append(" [").Append(check.ReplaceLineEndings(" ")).Append(']');
                }

                lines.Add(line.ToString());
            }
        }

        return lines;
    }
}
