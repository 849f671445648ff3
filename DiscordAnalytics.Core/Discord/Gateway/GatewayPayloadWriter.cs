using System.Buffers;
using System.Text.Json;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Serializes the payloads we send. The results hold the token: never log them.</summary>
internal static class GatewayPayloadWriter
{
    public static byte[] Heartbeat(int? sequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Heartbeat);
        if (sequence is int s)
        {
            writer.WriteNumber("d", s);
        }
        else
        {
            writer.WriteNull("d");
        }
    });

    public static byte[] Identify(string token, GatewayIntents intents, GatewaySessionOptions options) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Identify);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteNumber("intents", (int)intents);
        writer.WriteStartObject("properties");
        writer.WriteString("os", Environment.OSVersion.Platform.ToString().ToLowerInvariant());
        writer.WriteString("browser", options.ClientName);
        writer.WriteString("device", options.ClientName);
        writer.WriteEndObject();
        writer.WriteBoolean("compress", false);
        writer.WriteNumber("large_threshold", Math.Clamp(options.LargeThreshold, 50, 250));
        writer.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, int? sequence) => Write(writer =>
    {
        writer.WriteNumber("op", (int)GatewayOpCode.Resume);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteString("session_id", sessionId);
        if (sequence is int s)
        {
            writer.WriteNumber("seq", s);
        }
        else
        {
            writer.WriteNull("seq");
        }

        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
