using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>
/// The state enums are stored as the very text the store held when they were strings: rows written by an older build
/// read back as the same states, and rows written now read the same to an older build (or a person with sqlite3).
/// </summary>
public sealed class StoredStateTextTests
{
    [Fact]
    public async Task SaveChanges_EveryState_StoresItsOldText()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using (var db = store.NewContext())
        {
            db.Guilds.Add(new Guild { GuildId = 1, Name = "simulated", Mode = GuildMode.Demo });
            db.Guilds.Add(new Guild { GuildId = 2, Name = "real", Mode = GuildMode.Live });
            var runs = Enum.GetValues<BackfillState>()
                .Select((state, i) => new BackfillRun { RunId = i + 1, GuildId = 1, Days = 7, State = state, Kind = i == 0 ? BackfillRunKind.GapRepair : null })
                .ToList();
            db.BackfillRuns.AddRange(runs);
            db.BackfillChannels.AddRange(Enum.GetValues<BackfillChannelState>().Select((state, i) => new BackfillChannel { RunId = 1, ChannelId = i + 1, GuildId = 1, State = state }));
            db.MemberPrivacy.Add(new MemberPrivacy { GuildId = 1, UserId = 1, Choice = MemberPrivacyChoice.Hidden });
            db.MemberPrivacy.Add(new MemberPrivacy { GuildId = 1, UserId = 2, Choice = MemberPrivacyChoice.Forgotten });
            db.Digests.AddRange(Enum.GetValues<DigestStatus>().Select(status => new Digest { GuildId = 1, Status = status }));
            await db.SaveChangesAsync();
        }

        await using var check = store.NewContext();
        Assert.Equal(["live", "demo"], await TextAsync(check, "SELECT mode AS Value FROM guilds ORDER BY guildId DESC"));
        Assert.Equal(["queued", "running", "paused", "cancelled", "completed", "failed"], await TextAsync(check, "SELECT state AS Value FROM backfillRuns ORDER BY runId"));
        Assert.Equal(["gap"], await TextAsync(check, "SELECT kind AS Value FROM backfillRuns WHERE kind IS NOT NULL"));
        Assert.Equal(5, await check.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM backfillRuns WHERE kind IS NULL").SingleAsync());
        Assert.Equal(["pending", "running", "done", "skipped"], await TextAsync(check, "SELECT state AS Value FROM backfillChannels ORDER BY channelId"));
        Assert.Equal(["hidden", "forgotten"], await TextAsync(check, "SELECT choice AS Value FROM memberPrivacy ORDER BY userId"));
        Assert.Equal(["draft", "partial", "posted"], await TextAsync(check, "SELECT status AS Value FROM digests ORDER BY id"));
    }

    [Fact]
    public async Task Query_RowsWrittenAsText_ReadAsTheirStates()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using (var db = store.NewContext())
        {
            // As an older build wrote them: plain text.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO guilds (guildId, name, mode, timeZone) VALUES (7, 'simulated', 'demo', 'UTC')");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO backfillRuns (guildId, days, cutoffAt, kind, state, requestedAt, requests, runningMs) VALUES (7, 7, 0, 'gap', 'paused', 0, 0, 0)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES (7, 1, 'forgotten', 0)");
        }

        await using var check = store.NewContext();
        Assert.Equal(GuildMode.Demo, (await check.Guilds.SingleAsync(g => g.GuildId == 7)).Mode);
        var run = await check.BackfillRuns.SingleAsync(r => r.State == BackfillState.Paused && r.Kind == BackfillRunKind.GapRepair);
        Assert.Equal(7, run.GuildId);
        Assert.True(await check.MemberPrivacy.AnyAsync(p => p.Choice == MemberPrivacyChoice.Forgotten));
    }

    [Fact]
    public void StoredNames_RequestWords_ParseExactlyAsWritten()
    {
        Assert.True(StoredNames<MemberPrivacyChoice>.TryParse("visible", out var visible));
        Assert.Equal(MemberPrivacyChoice.Visible, visible);
        Assert.False(StoredNames<MemberPrivacyChoice>.TryParse("Hidden", out _));
        Assert.False(StoredNames<MemberPrivacyChoice>.TryParse("1", out _));
        Assert.False(StoredNames<MemberPrivacyChoice>.TryParse(null, out _));
    }

    private static Task<List<string>> TextAsync(AnalyticsDbContext db, string sql) => db.Database.SqlQueryRaw<string>(sql).ToListAsync();
}
