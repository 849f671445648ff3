using System.Text;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>Hostile and broken input (issue 6): mutated fixture frames straight into decode + normalize.</summary>
public sealed class DispatchNormalizerFuzzTests
{
    private const int Mutations = 10_000;
    private const int ValidEvery = 25;

    /// <summary>Later than every fixture timestamp, so events timed by receipt are told apart from events timed by Discord.</summary>
    private static readonly long ReceivedAt = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private readonly ITestOutputHelper _output;

    public DispatchNormalizerFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Normalize_TenThousandMutatedFixtureFrames_NeverThrowsAndEmitsOnlyValidEvents()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var normalizer = new DispatchNormalizer(new FakeTimeProvider(), loggerFactory.CreateLogger<DispatchNormalizer>());
        var fixtures = DiscordFixtures.DispatchFixtureNames().Select(name => (Name: name, Frame: DiscordFixtures.Read(name))).ToList();
        var expected = fixtures.ToDictionary(f => f.Name, f => Comparable(new DispatchNormalizer(new FakeTimeProvider(), loggerFactory.CreateLogger<DispatchNormalizer>())
            .Normalize(DiscordFixtures.EventName(f.Name), DiscordFixtures.Data(f.Name), ReceivedAt)));
        var mutator = new FrameMutator(seed: 6_0001);
        int normalized = 0, undecodable = 0, emitted = 0;

        for (var i = 1; i <= Mutations; i++)
        {
            var (name, frame) = fixtures[mutator.Random.Next(fixtures.Count)];
            var mutated = mutator.Mutate(frame);
            var decoded = GatewayTransport.Decode(Encoding.UTF8.GetBytes(mutated));
            if (decoded.Payload is not { } payload)
            {
                undecodable++;
            }
            else
            {
                // A frame whose op or t was broken still has a d worth feeding in under the fixture's own name.
                var eventName = payload.Op == 0 && payload.EventName is { } t && mutator.Random.Next(2) == 0 ? t : DiscordFixtures.EventName(name);
                var events = normalizer.Normalize(eventName, payload.Data, ReceivedAt);
                normalized++;
                emitted += events.Count;
                foreach (var ingestEvent in events)
                {
                    Assert.True(ingestEvent.Validate() is null, $"mutation {i} of {name} gave an invalid {ingestEvent.TypeName}: {ingestEvent.Validate()}");
                    Assert.True(ingestEvent.Excerpt is null || ingestEvent.Excerpt.Length <= IngestEvent.MaxExcerptLength, $"mutation {i}: excerpt of {ingestEvent.Excerpt?.Length} chars");
                    Assert.True(ingestEvent.Name is null || ingestEvent.Name.Length <= IngestEvent.MaxNameLength, $"mutation {i}: name of {ingestEvent.Name?.Length} chars");
                    Assert.False(EndsInHighSurrogate(ingestEvent.Excerpt) || EndsInHighSurrogate(ingestEvent.Name), $"mutation {i}: text cut inside a surrogate pair");
                }
            }

            if (i % ValidEvery == 0)
            {
                var valid = fixtures[i / ValidEvery % fixtures.Count].Name;
                var events = normalizer.Normalize(DiscordFixtures.EventName(valid), DiscordFixtures.Data(valid), ReceivedAt);
                Assert.Equal(expected[valid], Comparable(events));
            }
        }

        _output.WriteLine($"{normalized} mutations normalized into {emitted} valid events; {undecodable} rejected by the decoder");

        // The mutations must reach the normalizer, not just bounce off the JSON parser.
        Assert.True(normalized > Mutations * 6 / 10, $"only {normalized} of {Mutations} mutations decoded ({undecodable} did not)");
        Assert.True(emitted > 0);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("alert(1)", StringComparison.Ordinal) || l.Contains("Deploy went out", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Length > 1_000);
    }

    [Fact]
    public void Normalize_MessageWithLoneSurrogateInContentAndName_StillCountedWithoutThoseTexts()
    {
        // Found by the fuzz test: GetString() throws on an escaped lone surrogate, which dropped the whole message.
        var normalizer = new DispatchNormalizer(new FakeTimeProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DispatchNormalizer>.Instance);
        var json = DiscordFixtures.DataJson("20_message_create_default.json")
            .Replace("\"content\":", "\"content\":\"\\ud800 broken\",\"was_content\":", StringComparison.Ordinal)
            .Replace("\"global_name\":", "\"global_name\":\"\\udfff\",\"was_global_name\":", StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);

        var events = normalizer.Normalize("MESSAGE_CREATE", document.RootElement, ReceivedAt);

        var message = Assert.Single(events, e => e.Type == IngestEventType.MessageCreate);
        Assert.Equal(1350123667996147723UL, message.MessageId);
        Assert.Null(message.Excerpt);
        Assert.Null(message.Validate());
    }

    private static bool EndsInHighSurrogate(string? text) => text is { Length: > 0 } && char.IsHighSurrogate(text[^1]);

    /// <summary>Events with the receipt time (which only ever grows) replaced by a marker.</summary>
    /// <summary>Receive times and delivery ids differ per delivery by design; everything else must match.</summary>
    private static List<IngestEvent> Comparable(IReadOnlyList<IngestEvent> events) =>
        events.Select(e => e.EventAt >= ReceivedAt ? e with { EventAt = -1 } : e).Select(e => e with { DeliveryId = e.DeliveryId is null ? null : "delivery" }).ToList();
}
