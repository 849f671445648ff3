using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using H = DiscordAnalytics.Tests.Infrastructure.HostileCommunity;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>Hostile names and excerpts through the real pipeline, the real store and the real HTTP API.</summary>
public sealed class HostileContentApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long At = Now.AddHours(-2).ToUnixTimeMilliseconds();
    private readonly AnalyticsAppFactory _app = new(time: new FakeTimeProvider(Now));
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateApiClient();
        await _app.IngestAsync(H.Events(At));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Store_HostileNamesAndContent_AreClippedWithoutBreakingASurrogatePair()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var guild = await db.Guilds.SingleAsync(g => g.GuildId == (long)H.Guild);
        var channel = await db.Channels.SingleAsync(c => c.ChannelId == (long)H.Channel);
        var member = await db.Members.SingleAsync(m => m.UserId == (long)H.Author);
        var fact = await db.MessageFacts.SingleAsync(m => m.MessageId == (long)H.Message(At));

        foreach (var (stored, original, max) in new[]
        {
            (guild.Name, H.GuildName, IngestEvent.MaxNameLength),
            (channel.Name, H.ChannelName, IngestEvent.MaxNameLength),
            (member.DisplayName, H.AuthorName, IngestEvent.MaxNameLength),
            (fact.Excerpt!, H.Excerpt, IngestEvent.MaxExcerptLength),
        })
        {
            // The original's char at max-1 is the high half of an emoji: the clip steps back to max-1.
            Assert.Equal(max - 1, stored.Length);
            Assert.Equal(original[..stored.Length], stored);
            Assert.True(H.HasOnlyWholeSurrogatePairs(stored));
        }
    }

    [Fact]
    public async Task Summary_HostileNamesAndExcerpts_AreJsonStringsUnchangedApartFromClipping()
    {
        var summary = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{H.Guild}/summary?window=7d");
        var guilds = await _client.GetFromJsonAsync<JsonElement>("/api/guilds");

        Assert.Equal(H.StoredName(H.GuildName), Assert.Single(guilds.EnumerateArray()).GetProperty("name").GetString());
        var channels = summary.GetProperty("topChannels").EnumerateArray().ToDictionary(c => c.GetProperty("channelId").GetString()!, c => c.GetProperty("name").GetString());
        Assert.Equal(H.StoredName(H.ChannelName), channels[H.Channel.ToString()]);
        Assert.Equal(H.FormulaChannelName, channels[H.FormulaChannel.ToString()]);
        var members = summary.GetProperty("topMembers").EnumerateArray().ToDictionary(m => m.GetProperty("discordUserId").GetString()!, m => m.GetProperty("name").GetString());
        Assert.Equal(H.StoredName(H.AuthorName), members[H.Author.ToString()]);
        Assert.Equal(H.FormulaAuthorName, members[H.FormulaAuthor.ToString()]);
        var excerpts = summary.GetProperty("topContent").EnumerateArray().ToDictionary(c => c.GetProperty("messageId").GetString()!, c => c.GetProperty("excerpt").GetString());
        Assert.Equal(H.StoredExcerpt(H.Excerpt), excerpts[H.Message(At).ToString()]);
        Assert.Equal(H.FormulaExcerpt, excerpts[H.FormulaMessage(At).ToString()]);
    }

    [Theory]
    [InlineData("channels", 1, H.FormulaChannelName)]
    [InlineData("members", 1, H.FormulaAuthorName)]
    [InlineData("content", 4, H.FormulaExcerpt)]
    public async Task Export_HostileRows_AreFormulaSafeAndOtherwiseUnchanged(string table, int column, string formula)
    {
        var csv = await _client.GetStringAsync($"/api/guilds/{H.Guild}/export/{table}.csv?window=7d");

        var rows = ParseCsv(csv);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"cell starts a formula: {cell}"));
        var cells = rows.Skip(1).Select(r => r[column]).ToList();
        Assert.Contains("'" + formula, cells);
        var hostile = table switch
        {
            "channels" => H.StoredName(H.ChannelName),
            "members" => H.StoredName(H.AuthorName),
            _ => H.StoredExcerpt(H.Excerpt),
        };
        Assert.Contains(hostile, cells);
    }

    /// <summary>RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
