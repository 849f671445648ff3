using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Applies a batch of events through the handlers and writes the batch's rollups, inside the transaction the writer
/// holds open on <see cref="Context"/>'s connection. Lives as long as that connection.
/// </summary>
internal sealed class BatchApplier(WriteContext context, ILogger logger) : IDisposable
{
    private readonly EventRouter _router = new(context);
    private readonly RollupFlusher _rollups = new(context);

    public WriteContext Context => context;

    /// <summary>Returns how many events were new (not duplicates) and how many were rejected as invalid.</summary>
    public BatchOutcome Apply(IReadOnlyList<IngestEvent> events)
    {
        context.BeginBatch();
        context.Absent.BeginBatch(events);
        context.RemovedReactions.BeginBatch(events);
        context.DeletedMessages.BeginBatch(events);
        context.Roles.BeginBatch(events);
        int applied = 0, rejected = 0;
        foreach (var e in events)
        {
            var problem = e.Validate();
            if (problem is not null)
            {
                rejected++;
                // Ids and types only: never content, never anything a source might have carried as a secret.
                logger.LogWarning("Skipped invalid {EventType} event for guild {GuildId}: {Problem}", e.TypeName, e.GuildId, problem);
            }
            else if (_router.Apply(e))
            {
                applied++;
            }

            if (e.DeadLetterId is { } deadLetter)
            {
                // A retried dead letter was applied (or found invalid): its row goes with the batch.
                context.Sql.DeleteDeadLetter.Execute(deadLetter);
            }
        }

        // Every reaction added or taken moves its message's content delta: that is the one place that sees them all.
        foreach (var (guild, message) in context.Deltas.Content.Keys)
        {
            context.Support.Reacted(guild, message);
        }

        _rollups.Flush();
        context.Support.Flush();
        context.SendQueued();
        return new BatchOutcome(applied, rejected, [.. context.Deltas.LastEventAt.Keys.Union(context.ForgetIn).Select(g => (ulong)g)]);
    }

    public void Dispose() => context.Dispose();
}
