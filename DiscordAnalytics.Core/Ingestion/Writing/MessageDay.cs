using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// The day a reaction counts on: its message's (from the snowflake), whatever the source, so the gateway and backfill
/// (which sees only the message's reaction list, not when each was added) agree.
/// </summary>
internal static class MessageDay
{
    public static int FromMessageId(long messageId) => DayBucket.FromUnixMs(Snowflake.ToUnixMs((ulong)messageId));
}
