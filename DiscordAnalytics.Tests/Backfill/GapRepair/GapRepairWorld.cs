using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Backfill.GapRepair;

/// <summary>
/// The guild of the gap repair specs: three text channels in the emulator's history (what Discord keeps), messages
/// added to it as they "happen", the same messages as gateway dispatches while the app is up, and the ground truth
/// (every message Discord has, and its reactions) next to what the store counts.
/// </summary>
public sealed class GapRepairWorld(Emulator emulator, StorageOptions storage)
{
    /// <summary>The world over a SQLite store file.</summary>
    public GapRepairWorld(Emulator emulator, string connectionString)
        : this(emulator, new StorageOptions { ConnectionString = connectionString })
    {
    }

    public const ulong Guild = 861_000_000_000_000_001;
    public const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.GAP-TOKEN-never-log.xyz";
    public const ulong General = 861_000_000_000_000_101;
    public const ulong Chat = 861_000_000_000_000_102;
    public const ulong Quiet = 861_000_000_000_000_103;

    private readonly List<(ulong Channel, ulong Id, int Reactions)> _messages = [];
    private int _sequence;

    public Emulator Emulator => emulator;

    /// <summary>Channels Discord lists; READY names the guild.</summary>
    public void Open()
    {
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [$"{Guild}"];
        emulator.RouteResetAfter = TimeSpan.FromMilliseconds(200);
        emulator.History.AddChannel($"{General}", "general", 0);
        emulator.History.AddChannel($"{Chat}", "random", 0);
        emulator.History.AddChannel($"{Quiet}", "quiet", 0);
    }

    /// <summary>A message Discord now has (its id is its creation time), reacted to by <paramref name="reactors"/> with 👍.</summary>
    public ulong Happen(ulong channel, DateTimeOffset at, params string[] reactors)
    {
        var id = Snowflake.FromUnixMs(at.ToUnixTimeMilliseconds()) + (ulong)Interlocked.Increment(ref _sequence);
        var reactions = reactors.Length == 0 ? [] : new[] { ("👍", reactors) };
        emulator.History.AddMessage($"{channel}", id, "501", "alice", content: "said while someone watched", reactions: reactions);
        _messages.Add((channel, id, reactors.Length));
        return id;
    }

    /// <summary>A thread Discord lists as active, created at <paramref name="at"/> under <paramref name="parent"/>.</summary>
    public ulong OpenThread(ulong parent, DateTimeOffset at)
    {
        var id = Snowflake.FromUnixMs(at.ToUnixTimeMilliseconds()) + (ulong)Interlocked.Increment(ref _sequence);
        emulator.History.AddActiveThread($"{id}", $"{parent}", "came alive while down", "502");
        return id;
    }

    /// <summary>Sends a message Discord has as the gateway's MESSAGE_CREATE (the same object REST serves, plus guild_id).</summary>
    public Task DeliverAsync(ulong channel, ulong id)
    {
        var message = JsonNode.Parse(emulator.History.MessagesJson($"{channel}", id + 1, 1))!.AsArray().Single()!.AsObject();
        message["guild_id"] = $"{Guild}";
        message.Remove("reactions");
        return emulator.DispatchAsync("MESSAGE_CREATE", message.ToJsonString());
    }

    public Task GuildCreateAsync() => emulator.DispatchAsync("GUILD_CREATE", $$"""
        {"id":"{{Guild}}","name":"Gap Guild","channels":[
          {"id":"{{General}}","type":0,"name":"general"},{"id":"{{Chat}}","type":0,"name":"random"},{"id":"{{Quiet}}","type":0,"name":"quiet"}],
         "threads":[],"members":[]}
        """);

    /// <summary>The live app's settings: this emulator, this store file, a job server polling often.</summary>
    public AnalyticsAppFactory App(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Jobs:QueuePollInterval"] = "00:00:00.200",
        });
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new AnalyticsAppFactory(
            AnalyticsAppFactory.WithJobServer(settings),
            services: s => s.AddSingleton(new GatewaySessionOptions
            {
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
                InvalidSessionMinDelay = TimeSpan.FromMilliseconds(10),
                InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(40),
            }));
    }

    /// <summary>Ground truth, by brute force over everything Discord has: every message id.</summary>
    public HashSet<ulong> TruthMessageIds() => [.. _messages.Select(m => m.Id)];

    /// <summary>Ground truth: messages and reactions per channel (a thread's count for its parent is added by the caller).</summary>
    public (long Messages, long Reactions) TruthFor(ulong channel) =>
        (_messages.Count(m => m.Channel == channel), _messages.Where(m => m.Channel == channel).Sum(m => m.Reactions));

    public async Task<HashSet<ulong>> StoredMessageIdsAsync()
    {
        await using var db = new StoreContextFactory(storage).CreateDbContext();
        var ids = await db.MessageFacts.Where(m => m.GuildId == (long)Guild && m.IsCreated).Select(m => m.MessageId).ToListAsync();
        return [.. ids.Select(id => (ulong)id)];
    }

    /// <summary>What every card reads: the channel rollups (messages, reactions, threads) per channel.</summary>
    public async Task<IReadOnlyDictionary<ulong, (long Messages, long Reactions, long Threads)>> CountedAsync()
    {
        await using var db = new StoreContextFactory(storage).CreateDbContext();
        var rows = await db.ChannelDailyRollups.Where(r => r.GuildId == (long)Guild && !r.IsBot)
            .GroupBy(r => r.ChannelId)
            .Select(g => new { g.Key, Messages = g.Sum(r => r.MessageCount), Reactions = g.Sum(r => r.ReactionCount), Threads = g.Sum(r => r.ThreadCount) })
            .ToListAsync();
        return rows.ToDictionary(r => (ulong)r.Key, r => (r.Messages, r.Reactions, r.Threads));
    }

    /// <summary>Joins counted for the guild over all days (the Members card's numbers).</summary>
    public async Task<long> JoinsAsync()
    {
        await using var db = new StoreContextFactory(storage).CreateDbContext();
        return await db.GuildDailyRollups.Where(r => r.GuildId == (long)Guild && !r.IsBot).SumAsync(r => r.Joins);
    }

    /// <summary>A member Discord lists, joined at <paramref name="at"/>; <paramref name="deliver"/> sends the gateway's GUILD_MEMBER_ADD too.</summary>
    public async Task JoinAsync(string userId, DateTimeOffset at, bool deliver)
    {
        emulator.History.AddMember(userId, $"member{userId}", at);
        if (deliver)
        {
            await emulator.DispatchAsync("GUILD_MEMBER_ADD", emulator.History.MemberAddJson($"{Guild}", userId));
        }
    }

    public async Task<IReadOnlyList<(long RunId, BackfillState State, long CutoffAt)>> GapRunsAsync()
    {
        await using var db = new StoreContextFactory(storage).CreateDbContext();
        var runs = await db.BackfillRuns.Where(r => r.GuildId == (long)Guild && r.Kind == BackfillRunKind.GapRepair).OrderBy(r => r.RunId)
            .Select(r => new { r.RunId, r.State, r.CutoffAt }).ToListAsync();
        return [.. runs.Select(r => (r.RunId, r.State, r.CutoffAt))];
    }

    /// <summary>Waits until the store holds <paramref name="count"/> of the guild's messages (what the gateway delivered is committed).</summary>
    public async Task StoredAsync(int count)
    {
        var stored = await Eventually.ReturnsAsync(StoredMessageIdsAsync, ids => ids.Count >= count);
        Assert.True(stored.Count >= count, $"only {stored.Count} of {count} messages were stored");
    }

    /// <summary>Waits until the guild's latest gap repair has finished; returns its state.</summary>
    public async Task<string> RepairFinishedAsync(int runs)
    {
        var all = await Eventually.ReturnsAsync(GapRunsAsync, r => r.Count >= runs && r[^1].State is BackfillState.Completed or BackfillState.Failed or BackfillState.Cancelled, TimeSpan.FromSeconds(90));
        return all.Count >= runs ? all[^1].State.StoredName() : $"{all.Count} gap runs";
    }
}
