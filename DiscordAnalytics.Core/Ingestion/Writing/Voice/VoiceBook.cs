using System.Data.Common;
using System.Runtime.InteropServices;
using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>
/// The writer's voice sessions and the time they have counted: each guild's members in voice (loaded once, then kept
/// in step, like the other caches), the batch's voice time per member, channel and day, and the sessions it changed.
/// Time is counted as it passes: whenever who is in a channel or how someone is heard changes, and at every checkpoint,
/// each open session in the channel adds the stretch since its <see cref="VoiceMember.AccountedAt"/>.
/// </summary>
internal sealed class VoiceBook : IDisposable
{
    private readonly VoiceStatements _sql;
    private readonly PerGuild<GuildVoice> _guilds;
    private readonly Dictionary<(long Guild, int Day, long Channel, long User), VoiceDayDelta> _days = [];
    private readonly Dictionary<(long Guild, long User), VoiceMember> _changed = [];

    /// <summary>The writer's connection when it is PostgreSQL: the batch's voice days are then read in one statement.</summary>
    private readonly NpgsqlConnection? _npgsql;

    /// <summary>
    /// Longest stretch since a session's last checkpoint that is still counted when the member is found in the same
    /// channel again (a quick restart): checkpoints come every minute while the app runs, so a longer one means it was not.
    /// </summary>
    public const long ResumeGapMs = 5 * 60_000;

    public VoiceBook(DbConnection connection)
    {
        _sql = new VoiceStatements(connection);
        _npgsql = connection as NpgsqlConnection;
        _guilds = new PerGuild<GuildVoice>(Load);
    }

    public VoiceStatements Sql => _sql;

    public GuildVoice Guild(long guild) => _guilds.GetOrLoad(guild);

    /// <summary>Counts every open, confirmed session in <paramref name="channel"/> up to <paramref name="until"/>.</summary>
    public void Account(long guild, GuildVoice voice, long channel, long until, RollupDeltas deltas)
    {
        if (channel == 0)
        {
            return;
        }

        var present = voice.In(channel).Where(m => !m.Unconfirmed).ToList();
        var humans = present.Count(m => !m.IsBot);
        foreach (var member in present)
        {
            if (member.AccountedAt >= until)
            {
                continue;
            }

            var kind = member.Muted ? VoiceKind.Muted : humans - (member.IsBot ? 0 : 1) > 0 ? VoiceKind.Talk : VoiceKind.Alone;
            Credit(guild, member, kind, member.AccountedAt, until, deltas);
            member.AccountedAt = until;
            Changed(guild, member);
        }
    }

    /// <summary>
    /// Once a full list of voice states has been read (an event newer than it arrives), sessions it did not name end at
    /// their last checkpoint: the time after it is not counted.
    /// </summary>
    public void CloseUnconfirmed(long guild, GuildVoice voice, long at)
    {
        if (voice.SyncAt is not { } syncAt || at <= syncAt)
        {
            return;
        }

        foreach (var member in voice.Members.Values.Where(m => m.Unconfirmed))
        {
            (member.Unconfirmed, member.Channel) = (false, 0);
            Changed(guild, member);
        }

        voice.SyncAt = null;
    }

    /// <summary>The guild's AFK channel (0: none): later voice states in it count as not in voice.</summary>
    public void SetAfkChannel(long guild, long channel, string guildMode)
    {
        _sql.SetAfkChannel.Defer(guild, guildMode, channel == 0 ? null : (long?)channel);
        if (_guilds.IfLoaded(guild) is { } voice)
        {
            voice.AfkChannel = channel;
        }
    }

    /// <summary>The member's row is written with the batch.</summary>
    public void Changed(long guild, VoiceMember member) => _changed[(guild, member.User)] = member;

    /// <summary>A forgotten member: their voice time and session go, and nothing of theirs in this batch is written.</summary>
    public void Forget(long guild, long user)
    {
        foreach (var key in _days.Keys.Where(k => k.Guild == guild && k.User == user).ToList())
        {
            _days.Remove(key);
        }

        _changed.Remove((guild, user));
        _guilds.IfLoaded(guild)?.Members.Remove(user);
        _sql.DeleteVoiceDaysOfUser.Execute(guild, user);
        _sql.DeleteSessionOfUser.Execute(guild, user);
    }

    /// <summary>
    /// The batch's voice rows by (guild, day), for the in-memory voice days (<see cref="Storage.MemberDays.MemberDayCommit.Voice"/>).
    /// The quarter hours are the batch's own arrays: a batch's deltas are never reused after it.
    /// </summary>
    public Dictionary<(long Guild, int Day), List<VoiceRowChange>> ChangesByDay()
    {
        var days = new Dictionary<(long Guild, int Day), List<VoiceRowChange>>();
        foreach (var ((guild, day, channel, user), d) in _days)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (guild, day), out _);
            list ??= [];
            list.Add(new VoiceRowChange(channel, user, d.TalkMs, d.MutedMs, d.AloneMs, d.QuarterHourMs));
        }

        return days;
    }

    public void BeginBatch()
    {
        _days.Clear();
        _changed.Clear();
    }

    /// <summary>Writes the batch's voice time and changed sessions, in the batch's transaction.</summary>
    public void Flush()
    {
        Span<long> counts = stackalloc long[QuarterHourCounts.PerDay];
        Span<long> talk = stackalloc long[QuarterHourCounts.PerDay];
        var read = _npgsql is null ? null : StoredVoiceDaysOfBatch.Read(_npgsql, _days.Keys);
        foreach (var ((guild, day, channel, user), d) in _days)
        {
            counts.Clear();
            talk.Clear();
            if (read is null)
            {
                foreach (var stored in _sql.SelectVoiceDay.Rows(guild, day, channel, user))
                {
                    QuarterHourCounts.AddTo(stored.Milliseconds, counts);
                    QuarterHourCounts.AddTo(stored.TalkMilliseconds, talk);
                }
            }
            else if (read.TryGetValue((guild, day, channel, user), out var stored))
            {
                QuarterHourCounts.AddTo(stored.Milliseconds, counts);
                QuarterHourCounts.AddTo(stored.TalkMilliseconds, talk);
            }

            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += d.QuarterHourMs[i];
                talk[i] += d.TalkQuarterHourMs[i];
            }

            // New buffers for each row: on PostgreSQL the statement is queued with them, not run at once.
            var (all, talking) = (new byte[QuarterHourCounts.StoredLength], new byte[QuarterHourCounts.StoredLength]);
            QuarterHourCounts.Write(counts, all);
            QuarterHourCounts.Write(talk, talking);
            _sql.AddVoiceDay.Defer(guild, day, channel, user, d.TalkMs, d.MutedMs, d.AloneMs, all, talking);
        }

        foreach (var ((guild, _), m) in _changed)
        {
            _sql.UpsertSession.Defer(guild, m.User, m.Channel, m.IsBot, m.Muted, m.StartedAt, m.AccountedAt, m.SeenAt);
        }
    }

    public void Reset() => _guilds.Reset();

    public void Dispose() => _sql.Dispose();

    /// <summary>
    /// Adds [<paramref name="from"/>, <paramref name="until"/>) to the member's day, channel and quarter hours, split at
    /// quarter-hour (so also day) boundaries. Bots' voice time is never counted.
    /// </summary>
    private void Credit(long guild, VoiceMember member, VoiceKind kind, long from, long until, RollupDeltas deltas)
    {
        if (member.IsBot)
        {
            return;
        }

        while (from < until)
        {
            var day = DayBucket.FromUnixMs(from);
            var index = QuarterHourCounts.IndexOf(from);
            var end = Math.Min(until, QuarterHourCounts.StartMs(day, index) + QuarterHourCounts.QuarterHourMs);
            var ms = end - from;
            ref var d = ref CollectionsMarshal.GetValueRefOrAddDefault(_days, (guild, day, member.Channel, member.User), out _);
            d ??= new VoiceDayDelta();
            d.QuarterHourMs[index] += ms;
            var memberDay = deltas.Member(guild, day, member.User, isBot: false);
            memberDay.VoiceMs += ms;
            switch (kind)
            {
                case VoiceKind.Talk:
                    d.TalkMs += ms;
                    d.TalkQuarterHourMs[index] += ms;
                    memberDay.TalkMs += ms;
                    break;
                case VoiceKind.Muted:
                    d.MutedMs += ms;
                    break;
                default:
                    d.AloneMs += ms;
                    break;
            }

            from = end;
        }
    }

    private GuildVoice Load(long guild)
    {
        var voice = new GuildVoice();
        foreach (var row in _sql.SelectSessions.Rows(guild))
        {
            voice.Members[row.User] = new VoiceMember(row.User)
            {
                Channel = row.Channel,
                IsBot = row.IsBot,
                Muted = row.Muted,
                StartedAt = row.StartedAt,
                AccountedAt = row.AccountedAt,
                SeenAt = row.SeenAt,
            };
        }

        foreach (var row in _sql.SelectAfkChannel.Rows(guild))
        {
            voice.AfkChannel = row.Channel;
        }

        return voice;
    }
}
