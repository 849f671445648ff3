using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Loops.OfficeHours;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// The live reloads after a help-channel message (<see cref="LiveEvents.IngestHelpOneAsync"/>: a question, an answer to it,
/// an answer in a help thread, in turn) of the cards such a message changes: support signals, mentors and the office-hours
/// draft (its own 28 days whatever the window). The bench's other live messages are posted outside help channels and
/// leave these cards' held items alone.
/// </summary>
internal static class HelpReloads
{
    /// <summary>Prints the table; returns its slowest reload in ms (0 when the guild has no help channel to post in).</summary>
    public static async Task<double> MeasureAsync(
        IServiceProvider services, CardQueries queries, LiveEvents live, IReadOnlyList<(AnalyticsQuery Query, int Days)> windows, int reloads, double baseline,
        List<string> failures, TextWriter output, CancellationToken cancellationToken)
    {
        var guild = windows[0].Query.GuildId;
        output.WriteLine();
        if (await LiveHelpPlan.ReadAsync(services, guild, cancellationToken) is not { } plan)
        {
            output.WriteLine("live reload after a help-channel message: not measured (no help text channel with messages by two members)");
            return 0;
        }

        output.WriteLine($"live reload after a help-channel message (a question, an answer to it, an answer in a help thread, in turn), then the card (median of {reloads})");
        var draft = services.GetRequiredService<OfficeHoursDraftQuery>();
        List<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> cards =
        [
            .. queries.Cards.Where(c => c.Name is "support signals" or "mentors"),
            ("office-hours draft", (q, ct) => draft.DraftAsync((long)q.GuildId, ct)),
        ];
        var worst = 0.0;
        foreach (var (name, card) in cards)
        {
            // Brought up to the messages before it, untimed, as the other live reloads are.
            await live.IngestHelpOneAsync(plan, cancellationToken);
            foreach (var (query, _) in windows)
            {
                await CardsBenchmark.OrFailedAsync(failures, $"help reload of {name} (catching up)", async () =>
                {
                    await card(query, cancellationToken);
                    return 0;
                });
            }

            var times = new List<double>();
            foreach (var (query, days) in windows)
            {
                times.Add(await CardsBenchmark.OrFailedAsync(failures, $"help reload of {name} {days}d",
                    () => CardsBenchmark.MedianMsAsync(reloads, () => card(query, cancellationToken), () => live.IngestHelpOneAsync(plan, cancellationToken))));
            }

            worst = Math.Max(worst, times.Where(double.IsFinite).DefaultIfEmpty(0).Max());
            output.WriteLine(CardsBenchmark.Row(name, times, baseline));
        }

        return worst;
    }
}
