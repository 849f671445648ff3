using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// The real app as a child process of the bench (this build's <c>DiscordAnalytics.Web.dll</c> under <c>dotnet</c>,
/// or this executable when it is the single-file binary) on a free loopback port, so its resident memory is
/// its own and its GC settings are the shipped ones. Signs in through the real login form.
/// </summary>
public sealed partial class BenchApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _awaitedLine;
    private readonly TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchApp(Process process, Uri baseAddress, string? awaitedLine)
    {
        _process = process;
        BaseAddress = baseAddress;
        _awaitedLine = awaitedLine;
    }

    public Uri BaseAddress { get; }

    /// <summary>Completes when the app writes a line holding the <c>awaitedLine</c> given to <see cref="StartAsync"/>.</summary>
    public Task Logged => _logged.Task;

    /// <summary>Resident memory of the app process now, in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1_048_576.0;
        }
    }

    /// <summary>
    /// What the resident memory is made of, on Linux (<c>/proc/PID/status</c>): anonymous pages (GC heap, native
    /// heaps, stacks), file pages (the mapped assemblies and native libraries) and shared pages (the JIT's code,
    /// mapped twice under W^X); null elsewhere.
    /// </summary>
    public string? ResidentParts()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var fields = File.ReadAllLines(status).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => double.TryParse(p[1].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var kb) ? kb / 1024 : 0);
        return $"anon {fields.GetValueOrDefault("RssAnon"):0}, files {fields.GetValueOrDefault("RssFile"):0}, shared {fields.GetValueOrDefault("RssShmem"):0}";
    }

    /// <summary>
    /// Starts the app with <paramref name="args"/> and <paramref name="environment"/>; returns once <c>/healthz</c> answers.
    /// <see cref="Logged"/> then completes when its output holds <paramref name="awaitedLine"/> (a log line the bench waits for).
    /// </summary>
    public static async Task<BenchApp> StartAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, string? awaitedLine = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "DiscordAnalytics.Web.dll");
        var start = File.Exists(dll) ? new ProcessStartInfo("dotnet") { ArgumentList = { dll } } : new ProcessStartInfo(Environment.ProcessPath!);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = AppContext.BaseDirectory;
        foreach (var arg in args.Concat(["--urls", $"http://127.0.0.1:{port}"]))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new BenchApp(process, new Uri($"http://127.0.0.1:{port}/"), awaitedLine);
        process.OutputDataReceived += (_, line) => app.Read(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
                }

                try
                {
                    using var response = await http.GetAsync("healthz", cancellationToken);
                    return app;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromMinutes(5))
                {
                    await Task.Delay(250, cancellationToken);
                }
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs in through <c>/login</c> with the admin password; returns the cookies (<c>name=value</c>) a browser needs.</summary>
    public async Task<IReadOnlyList<string>> SignInAsync(string password, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var form = await http.GetAsync("login", cancellationToken);
        form.EnsureSuccessStatusCode();
        var html = await form.Content.ReadAsStringAsync(cancellationToken);
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", Cookies(form)));
        using var signedIn = await http.SendAsync(post, cancellationToken);
        var cookies = Cookies(signedIn);
        return signedIn.StatusCode == HttpStatusCode.Redirect && cookies.Count > 0
            ? cookies
            : throw new InvalidOperationException($"Signing in failed: {(int)signedIn.StatusCode}.");
    }

    public async ValueTask DisposeAsync()
    {
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

        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (_awaitedLine is not null && line?.Contains(_awaitedLine, StringComparison.Ordinal) == true)
        {
            _logged.TrySetResult();
        }
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values.Select(v => v.Split(';', 2)[0])] : [];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
