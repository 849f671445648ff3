using System.Text.Json;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>One decoded gateway payload <c>{op, d, s, t}</c>. <see cref="Data"/> is detached from any document.</summary>
/// <param name="Op">The opcode.</param>
/// <param name="Data">The <c>d</c> field; <see cref="JsonValueKind.Undefined"/> when absent.</param>
/// <param name="Sequence">The <c>s</c> field (dispatches only).</param>
/// <param name="EventName">The <c>t</c> field (dispatches only).</param>
public sealed record GatewayPayload(int Op, JsonElement Data, int? Sequence, string? EventName);
