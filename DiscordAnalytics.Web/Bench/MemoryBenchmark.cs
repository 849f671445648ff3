using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>bench memory [--minutes M | --seconds S] [--dashboards N] [--every S] [--after-close S] [--store FILE]</c>: starts
/// the real app (a child process: this build, its GC settings) on a fresh demo community, or on a kept store
/// (<c>bench cards --keep</c>) with the demo off, signs in, opens N dashboards (default 3) in headless chromium
/// (real Blazor circuits), keeps them open M minutes (default 10) while sampling the app's resident memory every
/// S seconds (default 5), closes them and samples on for a while (default 60 s). Prints every sample, then
/// start, peak, end and after-close figures and the growth over the open period. Target: &lt;= 250 MiB resident
/// on the demo with three dashboards open for 10 minutes, flat over time.
/// </summary>
public static class MemoryBenchmark
{
    public const double DemoTargetMiB = 250;
    public const double LargeStoreTargetMiB = 400;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = MemoryBenchmarkOptions.Parse(args);
        var folder = Directory.CreateTempSubdirectory("da-bench-memory-");
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Auth__AdminPassword"] = password,
                ["Discord__Token"] = string.Empty,
            };
            List<string> appArgs = ["--data-dir", folder.FullName];
            var dashboard = "/";
            string? warmedLine = null;
            if (options.Store is not null)
            {
                // The store's data ends in the past: the app runs as if it were the midnight after its last day, so the
                // dashboard opens on its default window (the last 7 days) as a live community's would, once the background
                // warm-up has built the standard windows and the dashboard has been rehearsed (DashboardRehearsal).
                var kept = await KeptStore.ReadAsync(new Core.Storage.StorageOptions { ConnectionString = $"Data Source={options.Store}" }, "--store", cancellationToken);
                environment["Demo__Enabled"] = "false";
                environment["Clock__StartAt"] = DateTimeOffset.FromUnixTimeMilliseconds(kept.End).ToString("O", CultureInfo.InvariantCulture);
                environment[$"Logging__LogLevel__{typeof(Core.WarmUp.KeptWindowsWarmUp).FullName}"] = "Debug";
                appArgs.Add($"--Storage:ConnectionString=Data Source={options.Store}");
                dashboard = $"/?guildId={kept.GuildId}";
                // The dashboard rehearsal follows the warm-up's first pass: a visitor after both gets the warmed app.
                warmedLine = WarmUp.DashboardRehearsal.EndedText;
            }

            var clock = Stopwatch.StartNew();
            var samples = new List<(double Seconds, double MiB, string Phase)>();
            await using var app = await BenchApp.StartAsync(appArgs, environment, cancellationToken, warmedLine);
            void Sample(string phase)
            {
                var mib = app.ResidentMiB;
                samples.Add((clock.Elapsed.TotalSeconds, mib, phase));
                output.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0} s  {mib,6:0} MiB  {phase}" + (app.ResidentParts() is { } parts ? $" ({parts})" : string.Empty));
            }

            output.WriteLine($"app started on {(options.Store ?? "a fresh demo community")} in {clock.Elapsed.TotalSeconds:0.0} s");
            Sample("started");
            if (warmedLine is not null)
            {
                await app.Logged.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
                output.WriteLine($"standard windows warmed and the dashboard rehearsed {clock.Elapsed.TotalSeconds:0.0} s after the start");
                Sample("warmed");
            }

            var cookies = await app.SignInAsync(password, cancellationToken);
            await using var browser = await DevToolsBrowser.LaunchAsync(cancellationToken);
            await browser.SetCookiesAsync(app.BaseAddress, cookies, cancellationToken);
            var tabs = new List<string>();
            for (var i = 0; i < options.Dashboards; i++)
            {
                var opened = Stopwatch.StartNew();
                var (targetId, sessionId) = await browser.OpenAsync(new Uri(app.BaseAddress, dashboard), cancellationToken, FirstRenderProbe.Script);
                tabs.Add(targetId);
                await WaitRenderedAsync(browser, sessionId, cancellationToken);
                output.WriteLine($"dashboard {i + 1} rendered (live, every card loaded) in {opened.Elapsed.TotalSeconds:0.00} s; in the tab, from its navigation's start:");
                foreach (var line in FirstRenderProbe.Describe((await browser.EvaluateAsync(sessionId, FirstRenderProbe.Read, cancellationToken))!.GetValue<string>(), app.BaseAddress))
                {
                    output.WriteLine(line);
                }
            }

            var openedAt = clock.Elapsed;
            Sample($"{options.Dashboards} dashboards open");
            while (clock.Elapsed - openedAt < options.Duration)
            {
                await Task.Delay(options.Every, cancellationToken);
                Sample("open");
            }

            foreach (var tab in tabs)
            {
                await browser.CloseAsync(tab, cancellationToken);
            }

            var closedAt = clock.Elapsed;
            while (clock.Elapsed - closedAt < options.AfterClose)
            {
                await Task.Delay(options.Every, cancellationToken);
                Sample("closed");
            }

            Report(output, samples, options);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Until the live dashboard shows its headline number and no card is loading any more (at most 5 minutes).</summary>
    private static async Task WaitRenderedAsync(DevToolsBrowser browser, string sessionId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        async Task<bool> IsRenderedAsync()
        {
            try
            {
                return (await browser.EvaluateAsync(sessionId, FirstRenderProbe.Rendered, cancellationToken))?.GetValue<bool>() == true;
            }
            catch (InvalidOperationException)
            {
                // The tab has no page to ask yet (still navigating, or the login redirect): not rendered.
                return false;
            }
        }

        while (!await IsRenderedAsync())
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("A dashboard did not finish loading its cards within 5 minutes.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static void Report(TextWriter output, List<(double Seconds, double MiB, string Phase)> samples, MemoryBenchmarkOptions options)
    {
        var open = samples.Where(s => s.Phase != "started" && s.Phase != "closed").ToList();
        var closed = samples.Where(s => s.Phase == "closed").ToList();
        // Flat over time: the open period's last fifth against its first fifth (past the dashboards' first render).
        var fifth = Math.Max(1, open.Count / 5);
        var growth = open.TakeLast(fifth).Average(s => s.MiB) - open.Take(fifth).Average(s => s.MiB);
        var target = options.Store is null ? DemoTargetMiB : LargeStoreTargetMiB;
        output.WriteLine();
        output.WriteLine($"start: {samples[0].MiB:0} MiB");
        output.WriteLine($"peak: {samples.Max(s => s.MiB):0} MiB");
        output.WriteLine($"end (dashboards open {options.Duration.TotalMinutes:0.#} min): {open[^1].MiB:0} MiB; growth over the open period (last fifth against first): {growth:+0;-0;0} MiB");
        output.WriteLine($"after close: {(closed.Count > 0 ? closed[^1].MiB : open[^1].MiB):0} MiB");
        output.WriteLine($"peak resident: {samples.Max(s => s.MiB):0} MiB (target <= {target:0} MiB with {options.Dashboards} dashboards open, flat over time)");
    }
}
