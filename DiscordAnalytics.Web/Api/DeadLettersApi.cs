using System.Globalization;
using DiscordAnalytics.Core.Ingestion.DeadLetters;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Dead letters (events the writer could not apply). <c>GET /api/ingestion/dead-letters</c> lists them, newest
/// failure first: <c>{ "count", "deadLetters": [ { id, guildId, eventType, eventId, exceptionType, exceptionMessage,
/// firstFailedAt, lastFailedAt, attempts } ] }</c>. <c>POST /api/ingestion/dead-letters/{id}/retry</c> feeds one to the
/// writer again and answers its outcome (<c>applied</c>, <c>failedAgain</c>, <c>waiting</c> for the store; 404 when
/// there is no such row); <c>POST /api/ingestion/dead-letters/retry</c> retries them all and answers the counts.
/// </summary>
public static class DeadLettersApi
{
    /// <summary>How long a retry waits for the writer before answering "waiting" (the store refuses writes).</summary>
    private static readonly TimeSpan RetryWait = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingestion/dead-letters", async (DeadLetterService deadLetters, CancellationToken ct) =>
        {
            var list = await deadLetters.ListAsync(ct);
            return Results.Ok(new
            {
                count = await deadLetters.CountAsync(ct),
                deadLetters = list.Select(d => new
                {
                    id = d.Id,
                    guildId = d.GuildId.ToString(CultureInfo.InvariantCulture),
                    eventType = d.EventType,
                    eventId = d.EventId,
                    exceptionType = d.ExceptionType,
                    exceptionMessage = d.ExceptionMessage,
                    firstFailedAt = Time(d.FirstFailedAt),
                    lastFailedAt = Time(d.LastFailedAt),
                    attempts = d.Attempts,
                }),
            });
        });

        app.MapPost("/api/ingestion/dead-letters/{id}/retry", async (string id, DeadLetterService deadLetters, CancellationToken ct) =>
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var letter))
            {
                return ApiProblems.BadParameter("id", "id must be a dead letter's id (a positive integer).");
            }

            var result = await RetryAsync(ct, token => deadLetters.RetryAsync(letter, token));
            return result.Outcome == DeadLetterRetryOutcome.NotFound
                ? ApiProblems.NotFound("No such dead letter", $"There is no dead letter {letter} (a retry may already have applied it).")
                : Results.Ok(new { outcome = OutcomeName(result.Outcome) });
        });

        app.MapPost("/api/ingestion/dead-letters/retry", async (DeadLetterService deadLetters, CancellationToken ct) =>
        {
            var result = await RetryAsync(ct, deadLetters.RetryAllAsync);
            return Results.Ok(new { applied = result.Applied, failedAgain = result.FailedAgain, waiting = result.Waiting });
        });

        return app;
    }

    private static async Task<DeadLetterRetryResult> RetryAsync(CancellationToken requestAborted, Func<CancellationToken, Task<DeadLetterRetryResult>> retry)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        wait.CancelAfter(RetryWait);
        return await retry(wait.Token);
    }

    internal static string OutcomeName(DeadLetterRetryOutcome outcome) => outcome switch
    {
        DeadLetterRetryOutcome.Applied => "applied",
        DeadLetterRetryOutcome.FailedAgain => "failedAgain",
        DeadLetterRetryOutcome.Waiting => "waiting",
        _ => "notFound",
    };

    private static string Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("O", CultureInfo.InvariantCulture);
}
