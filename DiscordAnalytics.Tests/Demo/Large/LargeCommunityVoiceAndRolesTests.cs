using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo.Large;

/// <summary>
/// The large community talks and holds roles, so the voice card and the role filter are measured at full size:
/// well-formed evening voice sessions in voice channels, and roles a member holds as a function of time (moderators,
/// subscribers changing on a period's first day, newcomers for a week, bots).
/// </summary>
public sealed class LargeCommunityVoiceAndRolesTests
{
    private const long Start = 1_735_689_600_000; // 2025-01-01; 2025-01-12 starts a 30-day subscription period
    private const int Days = 14;

    private static readonly LargeCommunity Community = new(18, LargeCommunityTests.Tiny);
    private static readonly Lazy<List<IngestEvent>> Fortnight = new(() => [.. Community.Activity(Start, Days)]);

    [Fact]
    public void Activity_Fortnight_VoiceSessionsOpenAndCloseInOneVoiceChannelWithinTheDay()
    {
        var voiceChannels = Community.Channels.Where(c => c.Type == ChannelTypes.Voice).Select(c => c.Id).ToHashSet();
        var voice = Fortnight.Value.Where(e => e.Type == IngestEventType.VoiceState).ToList();
        var open = new Dictionary<ulong, (ulong Channel, long Day)>();
        var sessions = 0;

        foreach (var state in voice)
        {
            var day = state.EventAt / DemoRhythm.DayMs;
            if (state.ChannelId is { } channel)
            {
                Assert.Contains(channel, voiceChannels);
                if (open.TryGetValue(state.UserId!.Value, out var current))
                {
                    // A mute toggle: the same room on the same day, never a second room.
                    Assert.Equal((channel, day), current);
                }
                else
                {
                    open[state.UserId!.Value] = (channel, day);
                    sessions++;
                }
            }
            else
            {
                Assert.True(open.Remove(state.UserId!.Value, out var current), "left a room never joined");
                Assert.Equal(current.Day, day);
            }
        }

        Assert.Empty(open);
        // About one active member in ten talks on a day; muted listeners and mute toggles exist.
        Assert.InRange(sessions / (double)Days, LargeCommunityTests.Tiny.DailyActiveMembers * 0.05, LargeCommunityTests.Tiny.DailyActiveMembers * 0.15);
        Assert.Contains(voice, e => e is { Muted: true, ChannelId: not null });
        Assert.Contains(voice, e => e is { Muted: false, ChannelId: not null });
    }

    [Fact]
    public void Metadata_DeclaresTheRolesAndGivesModeratorsSubscribersAndBotsTheirs()
    {
        var metadata = Community.Metadata(Start).ToList();
        var roles = metadata.Where(e => e.Type == IngestEventType.RoleUpsert).ToDictionary(e => e.Name!, e => e.RoleId!.Value);
        var members = metadata.Where(e => e.Type == IngestEventType.MemberUpsert).ToList();

        Assert.Equal(["bots", "moderators", "newcomers", "subscribers"], roles.Keys.Order());
        Assert.Equal(metadata.FindIndex(e => e.Type == IngestEventType.MemberUpsert), metadata.FindLastIndex(e => e.Type == IngestEventType.RoleUpsert) + 1);
        Assert.All(members.Where(m => m.IsBot), m => Assert.Equal([roles["bots"]], m.RoleIds!));
        var founders = members.Where(m => !m.IsBot).ToList();
        Assert.Equal(Math.Max(2, LargeCommunityTests.Tiny.Members / 1000), founders.Count(m => m.RoleIds!.Contains(roles["moderators"])));
        var subscribers = founders.Count(m => m.RoleIds!.Contains(roles["subscribers"]));
        Assert.InRange(subscribers, LargeCommunityTests.Tiny.Members / 8 * 0.8, LargeCommunityTests.Tiny.Members / 8);
        Assert.DoesNotContain(founders, m => m.RoleIds!.Contains(roles["newcomers"]));
    }

    [Fact]
    public void Activity_Fortnight_JoinersAreNewcomersForAWeekAndSubscriptionsChangeOnAPeriodsFirstDay()
    {
        var roles = Community.Roles.ToDictionary(r => r.Name, r => r.Id);
        var joins = Fortnight.Value.Where(e => e.Type == IngestEventType.MemberAdd).ToDictionary(e => e.UserId!.Value);
        var leaves = Fortnight.Value.Where(e => e.Type == IngestEventType.MemberRemove).ToDictionary(e => e.UserId!.Value, e => e.EventAt);
        var changes = Fortnight.Value.Where(e => e.Type == IngestEventType.MemberUpsert).ToList();

        Assert.All(joins.Values, j => Assert.Equal([roles["newcomers"]], j.RoleIds!));
        var settled = changes.Where(c => joins.ContainsKey(c.UserId!.Value)).ToList();
        Assert.NotEmpty(settled);
        Assert.All(settled, s =>
        {
            Assert.Empty(s.RoleIds!);
            Assert.Equal(joins[s.UserId!.Value].EventAt + 7 * DemoRhythm.DayMs, s.EventAt);
            Assert.True(!leaves.TryGetValue(s.UserId!.Value, out var leftAt) || leftAt > s.EventAt, "a member who left settled");
        });

        var subscriptionChanges = changes.Where(c => !joins.ContainsKey(c.UserId!.Value)).ToList();
        Assert.NotEmpty(subscriptionChanges);
        Assert.All(subscriptionChanges, c => Assert.Equal(0, c.EventAt / DemoRhythm.DayMs % 30));
        // Some subscribe, some drop out; a moderator who changes subscription keeps moderating.
        Assert.Contains(subscriptionChanges, c => c.RoleIds!.Contains(roles["subscribers"]));
        Assert.Contains(subscriptionChanges, c => !c.RoleIds!.Contains(roles["subscribers"]));
        Assert.DoesNotContain(subscriptionChanges, c => c.RoleIds!.Contains(roles["newcomers"]));
    }
}
