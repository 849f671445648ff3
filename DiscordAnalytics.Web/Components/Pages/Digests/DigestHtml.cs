using Ganss.Xss;
using Markdig;

namespace DiscordAnalytics.Web.Components.Pages.Digests;

/// <summary>
/// Digest Markdown to HTML for the preview. Two locks on the door: Markdig with raw HTML disabled (any
/// <c>&lt;script&gt;</c> in the text is shown as text), then HtmlSanitizer over the result (drops script,
/// event handlers and <c>javascript:</c> links should anything get through). Links open in a new tab.
/// </summary>
public sealed class DigestHtml
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public DigestHtml()
    {
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
