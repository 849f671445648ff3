using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>How a dead letter keeps its event: the normalized <see cref="IngestEvent"/> as JSON, type by name.</summary>
public static class DeadLetterJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IngestEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>The stored event; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static IngestEvent Read(string json) =>
        JsonSerializer.Deserialize<IngestEvent>(json, Options) ?? throw new JsonException("A dead letter holds no event.");
}
