using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// A full list of voice states begins (GUILD_CREATE, after a start or a new gateway session). A session whose last
/// checkpoint is more than <see cref="Voice.VoiceBook.ResumeGapMs"/> old ended there: what happened since is unknown.
/// The others wait for the list: named in it, they resume; not named, they end at their last checkpoint.
/// </summary>
internal sealed class VoiceSyncHandler(WriteContext context)
{
    public void Apply(VoiceSynced synced)
    {
        var (book, guild) = (context.Voice, synced.Guild);
        var voice = book.Guild(guild);
        book.CloseUnconfirmed(guild, voice, synced.At);
        foreach (var member in voice.Members.Values.Where(m => m.InVoice))
        {
            if (synced.At - member.AccountedAt > Voice.VoiceBook.ResumeGapMs)
            {
                member.Channel = 0;
                book.Changed(guild, member);
            }
            else
            {
                member.Unconfirmed = true;
            }
        }

        voice.SyncAt = synced.At;
    }
}
