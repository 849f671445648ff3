using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// Debian's headless chromium (<c>/usr/bin/chromium</c>, never a downloaded browser) driven over its DevTools
/// protocol on loopback: enough to give it the app's sign-in cookie, open dashboards in tabs, ask a tab a
/// question in JavaScript and close tabs. The web project carries no browser library; the tests use Playwright.
/// </summary>
public sealed class DevToolsBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private DevToolsBrowser(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<DevToolsBrowser> LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"bench memory opens dashboards in Debian's chromium at {ExecutablePath}: apt-get install -y chromium");
        }

        var profile = Directory.CreateTempSubdirectory("da-bench-chromium-");
        var start = new ProcessStartInfo(ExecutablePath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        // Without the networking flags chromium keeps trying to reach the internet, which is closed here.
        foreach (var arg in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new DevToolsBrowser(process, profile);
        try
        {
            // Chromium writes the port it took and the browser's socket path once it listens.
            var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            string[] lines;
            while (!File.Exists(portFile) || (lines = await File.ReadAllLinesAsync(portFile, timeout.Token)).Length < 2)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"chromium exited with {process.ExitCode} while starting.");
                }

                await Task.Delay(100, timeout.Token);
            }

            await browser._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), timeout.Token);
            browser._reader = Task.Run(browser.ReadAsync, CancellationToken.None);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives the browser cookies (<c>name=value</c>) for <paramref name="site"/>, as if it had signed in itself.</summary>
    public Task SetCookiesAsync(Uri site, IEnumerable<string> nameValues, CancellationToken cancellationToken)
    {
        var cookies = new JsonArray();
        foreach (var pair in nameValues)
        {
            var (name, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            cookies.Add(new JsonObject { ["name"] = name, ["value"] = value, ["url"] = site.ToString() });
        }

        return SendAsync("Storage.setCookies", new JsonObject { ["cookies"] = cookies }, null, cancellationToken);
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new tab; returns the tab's id and the session that talks to it. With
    /// <paramref name="beforePage"/>, the tab runs that script in every document before the page's own scripts (the tab
    /// opens blank, takes the script, then navigates).
    /// </summary>
    public async Task<(string TargetId, string SessionId)> OpenAsync(Uri url, CancellationToken cancellationToken, string? beforePage = null)
    {
        var created = await SendAsync("Target.createTarget", new JsonObject { ["url"] = beforePage is null ? url.ToString() : "about:blank" }, null, cancellationToken);
        var targetId = created!["targetId"]!.GetValue<string>();
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, cancellationToken);
        var sessionId = attached!["sessionId"]!.GetValue<string>();
        if (beforePage is not null)
        {
            await SendAsync("Page.enable", [], sessionId, cancellationToken);
            await SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = beforePage }, sessionId, cancellationToken);
            await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, sessionId, cancellationToken);
        }

        return (targetId, sessionId);
    }

    /// <summary>The value of a JavaScript expression in a tab (null when it throws or has no JSON value).</summary>
    public async Task<JsonNode?> EvaluateAsync(string sessionId, string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, sessionId, cancellationToken);
        return result?["result"]?["value"];
    }

    public Task CloseAsync(string targetId, CancellationToken cancellationToken) =>
        SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId }, null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _socket.Dispose();
        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A renderer still closing may hold a file for a moment; the temp folder is cleaned by the system.
        }
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }

        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var chunk = await _socket.ReceiveAsync(buffer, _stop.Token);
            message.Write(buffer, 0, chunk.Count);
            if (!chunk.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            // Events (no id) are not needed here; replies complete their request, errors fail it.
            if (node?["id"]?.GetValue<int>() is { } id && _pending.TryRemove(id, out var reply))
            {
                if (node["error"] is { } error)
                {
                    reply.TrySetException(new InvalidOperationException($"chromium refused: {error.ToJsonString()}"));
                }
                else
                {
                    reply.TrySetResult(node["result"]);
                }
            }
        }
    }
}
