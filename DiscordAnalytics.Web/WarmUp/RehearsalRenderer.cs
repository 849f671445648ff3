using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.JSInterop;

// Renderer is Blazor's extension point for renderers of one's own (test renderers are built on it too); the analyzer
// warns that its types may change between releases, which a framework upgrade's build would show here.
#pragma warning disable BL0006

namespace DiscordAnalytics.Web.WarmUp;

/// <summary>
/// Renders components as a live circuit does (interactive: cards load their data, after-render code runs) but shows
/// them nowhere: every render batch is dropped, and JavaScript interop fails as it does on a circuit that is gone
/// (the components already handle that). <see cref="DashboardRehearsal"/> renders the dashboard once with it.
/// </summary>
public sealed class RehearsalRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
    : Renderer(services, loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RehearsalRenderer>();

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    /// <summary>As the circuit: interactive, so the cards load (a prerender leaves them loading).</summary>
    protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);

    /// <summary>Renders <typeparamref name="TComponent"/> and returns when it and every component under it have finished their async work.</summary>
    public Task<int> RenderAsync<TComponent>()
        where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var id = AssignRootComponentId(InstantiateComponent(typeof(TComponent)));
            await RenderRootComponentAsync(id, ParameterView.Empty);
            return id;
        });

    /// <summary>The values of <paramref name="attribute"/> on the elements the component <paramref name="rootId"/> and those under it render now.</summary>
    public Task<List<string>> ElementAttributeValuesAsync(int rootId, string attribute) =>
        Dispatcher.InvokeAsync(() =>
        {
            var values = new List<string>();
            Collect(rootId, attribute, values);
            return values;
        });

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

    // A component's failure is logged, as the circuit logs it; the rehearsal goes on with the rest (its result says
    // which cards did not load). A call into the browser (a chart measuring itself, local storage) fails here by design:
    // there is no browser, so that is no warning.
    protected override void HandleException(Exception exception)
    {
        if (exception is AggregateException many ? many.Flatten().InnerExceptions.All(IsNoBrowser) : IsNoBrowser(exception))
        {
            _logger.LogDebug(exception, "A component's call into the browser failed while the dashboard was rehearsed (there is none)");
            return;
        }

        _logger.LogWarning(exception, "A component failed while the dashboard was rehearsed");
    }

    private static bool IsNoBrowser(Exception exception) =>
        exception is InvalidOperationException && exception.TargetSite?.DeclaringType is { } thrower && typeof(JSRuntime).IsAssignableFrom(thrower);

    private void Collect(int componentId, string attribute, List<string> values)
    {
        var frames = GetCurrentRenderTreeFrames(componentId);
        var onElement = false;
        for (var i = 0; i < frames.Count; i++)
        {
            ref var frame = ref frames.Array[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Element:
                    onElement = true;
                    break;
                case RenderTreeFrameType.Component:
                    onElement = false;
                    Collect(frame.ComponentId, attribute, values);
                    break;
                case RenderTreeFrameType.Attribute when onElement && frame.AttributeName == attribute && frame.AttributeValue is string value:
                    values.Add(value);
                    break;
            }
        }
    }
}
