using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real app as a child process (<c>dotnet DiscordAnalytics.Web.dll</c> from the test's build output)
/// on a free loopback port, configured only through environment variables. <see cref="KillAsync"/> kills
/// it outright (no graceful shutdown, no queue drain), which an in-process host cannot simulate.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _outputGate = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_outputGate)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the app with <paramref name="environment"/> and waits until <c>/healthz</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DiscordAnalytics.Web.dll");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting:\n{app.RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                return app;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    await app.KillAsync();
                    throw new TimeoutException($"The app did not answer /healthz:\n{app.RecentOutput}");
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Runs the app with <paramref name="environment"/> until it exits by itself (a start it refuses) and returns its
    /// exit code and what it wrote to each stream. The process is killed if it is still running after
    /// <paramref name="limit"/> (a start that was not refused), and the exit code is then -1. <paramref name="arguments"/>
    /// follow the app's own (<c>--urls</c>) on its command line.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan limit, IEnumerable<string>? arguments = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DiscordAnalytics.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{FreePort()}");
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await output, await error);
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Kills the process tree at once, like a power cut or an OOM kill, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}
