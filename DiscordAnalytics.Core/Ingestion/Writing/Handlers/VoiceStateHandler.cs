using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Voice;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Applies a member's voice state: opens, splits (a move), changes (mute) or closes their session, after counting the
/// time of everyone in the channels it touches up to then. State decided by time: an observation no newer than the
/// member's last one changes nothing (a duplicate, or one that arrived late), and one older than what is counted
/// already takes effect at that point, so no stretch is ever counted twice. The AFK channel is not voice.
/// </summary>
internal sealed class VoiceStateHandler(WriteContext context)
{
    /// <summary>False when the observation changed nothing.</summary>
    public bool Apply(VoiceObserved observed)
    {
        var (book, guild) = (context.Voice, observed.Guild);
        var voice = book.Guild(guild);
        book.CloseUnconfirmed(guild, voice, observed.At);
        if (voice.Members.TryGetValue(observed.User, out var member) && observed.At <= member.SeenAt)
        {
            return false;
        }

        var target = observed.Channel == voice.AfkChannel ? 0 : observed.Channel;
        if (member is null)
        {
            member = new VoiceMember(observed.User);
            voice.Members[observed.User] = member;
        }

        if (member.Unconfirmed)
        {
            // Listed in a full list (GUILD_CREATE after a restart): still in the same channel, the session resumes across
            // the short gap; anywhere else, it ended at its last checkpoint.
            member.Unconfirmed = false;
            if (member.Channel != target)
            {
                member.Channel = 0;
            }
        }

        var at = observed.At;
        foreach (var other in voice.In(member.Channel).Concat(voice.In(target)))
        {
            if (!other.Unconfirmed)
            {
                at = Math.Max(at, other.AccountedAt);
            }
        }

        book.Account(guild, voice, member.Channel, at, context.Deltas);
        if (target != member.Channel)
        {
            book.Account(guild, voice, target, at, context.Deltas);
            (member.Channel, member.StartedAt, member.AccountedAt) = (target, at, at);
        }

        (member.Muted, member.IsBot, member.SeenAt) = (observed.Muted, observed.IsBot, observed.At);
        book.Changed(guild, member);
        return true;
    }
}
