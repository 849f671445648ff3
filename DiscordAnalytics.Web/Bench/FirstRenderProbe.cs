using System.Globalization;
using System.Text.Json.Nodes;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// Where a dashboard tab's time goes, from the page's own clock (milliseconds since its navigation started): a script
/// chromium runs in the tab before the page's own (<see cref="Script"/>) notes when the circuit's socket opened and its
/// first message came, and every change of the cards' states (loading, ready, empty, error) and of the dashboard's
/// <c>data-interactive</c>; <see cref="Read"/> then adds the browser's navigation, paint and resource timings (the
/// document, each script and stylesheet, Blazor's negotiate). A card is shown when the live circuit drew it: the
/// prerendered HTML alone is not a rendered dashboard (its controls do nothing yet).
/// </summary>
public static class FirstRenderProbe
{
    /// <summary>True once the dashboard is live and every card shows its data (none loading), the headline number included.</summary>
    public const string Rendered =
        "!!document.querySelector('[data-testid=\"dashboard\"][data-interactive=\"true\"]') && !!document.querySelector('[data-testid=\"total-messages-value\"]')"
        + " && document.querySelectorAll('[data-state]').length > 0 && document.querySelectorAll('[data-state=\"loading\"]').length === 0";

    /// <summary>Run in the tab before any of the page's scripts (DevTools' <c>Page.addScriptToEvaluateOnNewDocument</c>).</summary>
    public const string Script = """
        (() => {
          const probe = window.__daFirstRender = { marks: {}, states: [] };
          const now = () => Math.round(performance.now());
          const mark = name => { if (probe.marks[name] === undefined) probe.marks[name] = now(); };
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              mark('circuit socket created');
              this.addEventListener('open', () => mark('circuit socket open'));
              this.addEventListener('message', () => mark('circuit first message'));
            }
          };
          let last = '';
          const note = () => {
            const cards = document.querySelectorAll('[data-state]');
            const count = state => [...cards].filter(c => c.getAttribute('data-state') === state).length;
            const live = !!document.querySelector('[data-testid="dashboard"][data-interactive="true"]');
            const key = `${live ? 'live' : 'prerendered'}: ${cards.length} cards, ${count('loading')} loading, ${count('ready')} ready, ${count('empty')} empty, ${count('error')} error`;
            if (key !== last) { last = key; probe.states.push({ at: now(), state: key }); }
            if (live && cards.length > 0 && count('loading') === 0 && document.querySelector('[data-testid="total-messages-value"]')) { mark('RENDERED: live, every card shown'); }
          };
          new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-interactive'] });
          document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
          window.addEventListener('load', () => mark('load'));
        })();
        """;

    /// <summary>What the tab noted and the browser's timings, as JSON (read once the dashboard has rendered).</summary>
    public const string Read = """
        JSON.stringify({
          marks: window.__daFirstRender?.marks ?? {},
          states: window.__daFirstRender?.states ?? [],
          navigation: performance.getEntriesByType('navigation').map(n => ({ requestStart: n.requestStart, responseStart: n.responseStart, responseEnd: n.responseEnd, transferSize: n.transferSize, decodedBodySize: n.decodedBodySize, domInteractive: n.domInteractive }))[0],
          paints: performance.getEntriesByType('paint').map(p => ({ name: p.name, at: p.startTime })),
          resources: performance.getEntriesByType('resource').map(r => ({ name: r.name, start: r.startTime, end: r.responseEnd, transferSize: r.transferSize, decodedBodySize: r.decodedBodySize })),
          now: performance.now(),
        })
        """;

    /// <summary>The breakdown's lines (indented), in the order things happened.</summary>
    public static IReadOnlyList<string> Describe(string json, Uri site)
    {
        var trace = JsonNode.Parse(json)!;
        var lines = new List<(double At, string Text)>();
        if (trace["navigation"] is { } navigation)
        {
            lines.Add((Ms(navigation["responseStart"]), $"document's first byte (asked at {Ms(navigation["requestStart"]):0} ms; the server's prerender)"));
            lines.Add((Ms(navigation["responseEnd"]), $"document received ({Kb(navigation["transferSize"])} on the wire, {Kb(navigation["decodedBodySize"])} of HTML)"));
        }

        foreach (var resource in trace["resources"]!.AsArray())
        {
            var name = resource!["name"]!.GetValue<string>();
            var path = Uri.TryCreate(name, UriKind.Absolute, out var uri) && uri.Authority == site.Authority ? uri.PathAndQuery : name;
            lines.Add((Ms(resource["end"]), $"{Shorten(path)} ({Ms(resource["start"]):0}-{Ms(resource["end"]):0} ms, {Kb(resource["transferSize"])} on the wire, {Kb(resource["decodedBodySize"])})"));
        }

        foreach (var paint in trace["paints"]!.AsArray())
        {
            lines.Add((Ms(paint!["at"]), paint["name"]!.GetValue<string>()));
        }

        foreach (var (name, at) in trace["marks"]!.AsObject())
        {
            lines.Add((Ms(at), name));
        }

        foreach (var state in trace["states"]!.AsArray())
        {
            lines.Add((Ms(state!["at"]), state["state"]!.GetValue<string>()));
        }

        return [.. lines.OrderBy(l => l.At).Select(l => $"    {l.At,7:0} ms  {l.Text}")];
    }

    private static double Ms(JsonNode? value) => value?.GetValue<double>() ?? double.NaN;

    private static string Kb(JsonNode? bytes) => (bytes?.GetValue<double>() ?? 0) is var b and > 0
        ? (b / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB"
        : "cached or not reported";

    // Blazor's socket and negotiate addresses carry a connection token: the path says enough.
    private static string Shorten(string path) => path.Split('?')[0];
}
