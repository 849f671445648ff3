using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>Posting through the real REST client to the loopback Discord emulator, over a real store.</summary>
public sealed class DigestPosterTests : IAsyncLifetime
{
    private static readonly string General = DigestWorld.General.ToString();
    private TempSqliteStore _store = null!;
    private Emulator _emulator = null!;
    private ServiceProvider _services = null!;

    private DigestService Digests => _services.GetRequiredService<DigestService>();

    private DigestPoster Poster => _services.GetRequiredService<DigestPoster>();

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await DigestWorld.SeedAsync(_store);
        _emulator = await Emulator.StartAsync();
        _emulator.ExpectedToken = DigestServices.Token;
        _services = new ServiceCollection().AddDigestServices(_store.ConnectionString, new FakeTimeProvider(DigestWorld.Now), _emulator).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Post_GeneratedDigest_SendsItsEmbedsWithMentionsDisabledAndRecordsTheMessage()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        var result = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.Posted, result.Outcome);
        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Equal(General, posted.ChannelId);
        Assert.Equal("[]", posted.Body["allowed_mentions"]!["parse"]!.ToJsonString());
        var embeds = posted.Body["embeds"]!.AsArray();
        Assert.Equal("Weekly digest: Candle Club", embeds[0]!["title"]!.GetValue<string>());
        Assert.Contains(embeds, e => e!["title"]?.GetValue<string>() == "Top content");
        // The hostile name and excerpt reach Discord escaped: no raw mention, ping or masked link.
        var text = string.Join("\n", embeds.Select(e => e!["description"]?.GetValue<string>()));
        Assert.Contains("\\@everyone \\<\\@932000000000000001\\> \\[free nitro\\]\\(https://evil.example\\)", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<!\\\\)[@<]", text);

        var stored = await Reload(digest.Id);
        Assert.Equal(DigestStatus.Posted, stored.Status);
        Assert.Equal((long)DigestWorld.General, stored.PostedChannelId);
        Assert.Equal([posted.Id], stored.MessageIds);
        Assert.Equal(DigestWorld.Now.ToUnixTimeMilliseconds(), stored.PostedAt);
    }

    [Fact]
    public async Task Post_HugeDigest_SplitsIntoMessagesDiscordAcceptsInOrder()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        Assert.Equal(DigestEditOutcome.Saved, await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, DigestEmbedSplitterTests.HugeDigest(), CancellationToken.None));
        var expected = DigestEmbedSplitter.Split(DigestEmbedSplitterTests.HugeDigest());

        var result = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.Posted, result.Outcome);
        Assert.Equal(0, _emulator.RejectedMessageBodies);
        var posted = _emulator.PostedMessages;
        Assert.Equal(expected.Count, posted.Count);
        Assert.Equal(expected.Count, result.SentNow);
        for (var i = 0; i < posted.Count; i++)
        {
            Assert.Equal(expected[i].Embeds.Count, posted[i].Body["embeds"]!.AsArray().Count);
            Assert.Equal(expected[i].Embeds[0].Description, posted[i].Body["embeds"]![0]!["description"]?.GetValue<string>() ?? string.Empty);
        }

        Assert.Equal(posted.Select(p => p.Id), (await Reload(digest.Id)).MessageIds);
        Assert.Equal(0, _emulator.UnexpectedRateLimits);
    }

    [Fact]
    public async Task Post_TwiceOrConcurrently_SendsEachPartOnce()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None)));
        var again = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Single(_emulator.PostedMessages);
        Assert.Single(results, r => r.Outcome == DigestPostOutcome.Posted);
        Assert.Equal(2, results.Count(r => r.Outcome == DigestPostOutcome.AlreadyPosted));
        Assert.Equal(DigestPostOutcome.AlreadyPosted, again.Outcome);
        Assert.Equal(0, again.SentNow);
    }

    [Fact]
    public async Task Post_FailsPartWay_KeepsProgressAndTheNextPostSendsOnlyTheRest()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, DigestEmbedSplitterTests.HugeDigest(), CancellationToken.None);
        var parts = DigestEmbedSplitter.Split(DigestEmbedSplitterTests.HugeDigest()).Count;
        // The first message goes through, then the bot loses its permission in the channel.
        var path = $"/channels/{General}/messages";
        _emulator.ForbidAfterMessages = 1;

        var failed = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.DiscordFailed, failed.Outcome);
        Assert.Contains("403", failed.Error, StringComparison.Ordinal);
        var stored = await Reload(digest.Id);
        Assert.Equal(DigestStatus.Partial, stored.Status);
        Assert.Single(stored.MessageIds);
        Assert.Equal(failed.Error, stored.LastError);
        Assert.Equal(DigestEditOutcome.AlreadyPosted, await Digests.SaveMarkdownAsync(DigestWorld.Guild, digest.Id, "changed", CancellationToken.None));

        _emulator.ForbidAfterMessages = null;
        var resumed = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.Posted, resumed.Outcome);
        Assert.Equal(parts - 1, resumed.SentNow);
        Assert.Equal(parts, _emulator.PostedMessages.Count);
        Assert.Equal(parts, (await Reload(digest.Id)).MessageIds.Count);
        Assert.Null((await Reload(digest.Id)).LastError);
        Assert.Contains(_emulator.RestRequests, r => r.Path == path && r.Status == 403);
    }

    [Fact]
    public async Task Post_ForbiddenOrUnknownChannel_ClearErrorAndTheDraftIsKept()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        _emulator.ForbiddenChannelIds.Add(General);
        _emulator.UnknownChannelIds.Add(DigestWorld.Announcements.ToString());

        var forbidden = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);
        var unknown = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.Announcements, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.DiscordFailed, forbidden.Outcome);
        Assert.StartsWith("Discord refused (403 Missing Permissions)", forbidden.Error, StringComparison.Ordinal);
        Assert.Equal(DigestPostOutcome.DiscordFailed, unknown.Outcome);
        Assert.StartsWith("Discord does not know that channel (404)", unknown.Error, StringComparison.Ordinal);
        var stored = await Reload(digest.Id);
        Assert.Equal(DigestStatus.Draft, stored.Status);
        Assert.Empty(stored.MessageIds);
        Assert.Equal(digest.Markdown, stored.Markdown);
        Assert.Empty(_emulator.PostedMessages);
    }

    [Fact]
    public async Task Post_RateLimited_WaitsAndPostsOnce()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        _emulator.EnqueueRateLimited($"/channels/{General}/messages", 0.2, global: false);

        var result = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.Posted, result.Outcome);
        Assert.Single(_emulator.PostedMessages);
        Assert.Equal([429, 200], _emulator.RestRequests.Where(r => r.Method == "POST").Select(r => r.Status));
    }

    [Fact]
    public async Task Post_ServerErrorAfterDiscordCreatedTheMessage_RetryReturnsThatMessageThanksToTheNonce()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;
        // Discord created the message, but the answer was lost (a 502 after the fact): the retry carries the same nonce.
        var parts = DigestEmbedSplitter.Split(digest.Markdown);
        await PostDirectlyAsync(DigestPoster.Nonce(digest.Id, 0));
        _emulator.EnqueueServerError($"/channels/{General}/messages");

        var result = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.General, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.Posted, result.Outcome);
        Assert.Single(parts);
        Assert.Single(_emulator.PostedMessages);
        Assert.Equal([_emulator.PostedMessages[0].Id], (await Reload(digest.Id)).MessageIds);
    }

    [Fact]
    public async Task Post_ChannelOfAnotherGuild_IsRefusedWithoutCallingDiscord()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        var result = await Poster.PostAsync(DigestWorld.Guild, digest.Id, DigestWorld.OtherGuildChannel, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.ChannelNotInGuild, result.Outcome);
        Assert.Empty(_emulator.RestRequests);
    }

    [Fact]
    public async Task Post_DigestOfAnotherGuild_IsNotFound()
    {
        var digest = (await Digests.GenerateAsync(DigestWorld.Guild, scheduled: false, CancellationToken.None))!;

        var result = await Poster.PostAsync(DigestWorld.OtherGuild, digest.Id, DigestWorld.OtherGuildChannel, CancellationToken.None);

        Assert.Equal(DigestPostOutcome.NotFound, result.Outcome);
        Assert.Empty(_emulator.RestRequests);
    }

    private async Task PostDirectlyAsync(string nonce)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_emulator.ApiBaseUrl}/channels/{General}/messages")
        {
            Content = RequestBody.Json($$"""{"embeds":[{"description":"x"}],"nonce":"{{nonce}}","enforce_nonce":true}"""),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bot {DigestServices.Token}");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task<Digest> Reload(long digestId)
    {
        await using var db = _store.CreateDbContext();
        return await db.Digests.AsNoTracking().SingleAsync(d => d.Id == digestId);
    }
}
