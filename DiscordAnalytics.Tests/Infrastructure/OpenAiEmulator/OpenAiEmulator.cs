using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;

/// <summary>
/// A loopback OpenAI-compatible endpoint: Kestrel on 127.0.0.1 (random port) answering chat completions on
/// <c>/chat/completions</c> and <c>/v1/chat/completions</c> (OpenAI) and
/// <c>/openai/deployments/{deployment}/chat/completions</c> (Azure OpenAI) with scripted replies, in order.
/// Every request is recorded. With nothing scripted it answers 500, so a test that forgot a reply fails loudly.
/// </summary>
public sealed class OpenAiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedChatReply> _script = new();
    private readonly ConcurrentQueue<RecordedChatRequest> _requests = new();

    private OpenAiEmulator(WebApplication app)
    {
        _app = app;
    }

    /// <summary><c>http://127.0.0.1:port</c>: the Azure endpoint; the OpenAI base URL is this plus <c>/v1</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<RecordedChatRequest> Requests => [.. _requests];

    public static async Task<OpenAiEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var emulator = new OpenAiEmulator(app);
        app.MapPost("/chat/completions", context => emulator.AnswerAsync(context, null));
        app.MapPost("/v1/chat/completions", context => emulator.AnswerAsync(context, null));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", context => emulator.AnswerAsync(context, (string?)context.Request.RouteValues["deployment"]));
        await app.StartAsync();
        emulator.BaseUrl = app.Urls.First();
        return emulator;
    }

    /// <summary>Queues replies; each request takes the next one.</summary>
    public void Enqueue(params ScriptedChatReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>Forgets the script and the recorded requests (for a fixture shared by a test class; its tests run one at a time).</summary>
    public void Reset()
    {
        _script.Clear();
        _requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string? deployment)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedChatRequest(
            context.Request.Path.Value ?? string.Empty,
            deployment,
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body));

        if (!_script.TryDequeue(out var reply))
        {
            reply = ScriptedChatReply.Error(500, "no scripted reply");
        }

        if (reply.Hang)
        {
            try
            {
                // Longer than any client timeout a test sets; ends as soon as the client gives up.
                await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (reply.HeldUntil is { } held)
        {
            await held.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.Body.StartsWith('{') ? "application/json" : "text/html";
        if (reply.Status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}
