using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Counts the guild's open sessions up to the checkpoint, so a crash loses at most the time since the last one. A
/// channel with a session whose last checkpoint is older than <see cref="Voice.VoiceBook.ResumeGapMs"/> is left alone:
/// it is left over from before the app stopped, and only a full list (or the member's next state) says what became of it.
/// </summary>
internal sealed class VoiceCheckpointHandler(WriteContext context)
{
    public void Apply(VoiceCheckpointed checkpoint)
    {
        var (book, guild, at) = (context.Voice, checkpoint.Guild, checkpoint.At);
        var voice = book.Guild(guild);
        book.CloseUnconfirmed(guild, voice, at);
        var channels = voice.Members.Values.Where(m => m.InVoice && !m.Unconfirmed).GroupBy(m => m.Channel).ToList();
        foreach (var channel in channels)
        {
            if (channel.All(m => at - m.AccountedAt <= Voice.VoiceBook.ResumeGapMs))
            {
                book.Account(guild, voice, channel.Key, at, context.Deltas);
            }
        }
    }
}
