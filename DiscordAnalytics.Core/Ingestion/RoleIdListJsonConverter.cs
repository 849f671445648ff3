using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Reads and writes a <see cref="RoleIdList"/> as a JSON array of numbers (a dead letter keeps its event as JSON).</summary>
public sealed class RoleIdListJsonConverter : JsonConverter<RoleIdList>
{
    public override RoleIdList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<ulong[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, RoleIdList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var id in value)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
    }
}
