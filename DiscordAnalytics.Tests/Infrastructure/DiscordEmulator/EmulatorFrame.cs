using System.Text.Json;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>A frame the client sent to the emulator.</summary>
/// <param name="Connection">1-based number of the connection it arrived on.</param>
/// <param name="Op">Its opcode (-1 when it was not valid JSON).</param>
/// <param name="Json">The raw text.</param>
/// <param name="At">Arrival time.</param>
/// <param name="Bytes">Size in bytes.</param>
public sealed record EmulatorFrame(int Connection, int Op, string Json, DateTimeOffset At, int Bytes)
{
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(Json);
            return document.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
        }
    }
}
