namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>One item of the transport's frame channel.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Payload">For <see cref="GatewayFrameKind.Payload"/>.</param>
/// <param name="CloseCode">For <see cref="GatewayFrameKind.Closed"/>: the peer's close code, null for a drop.</param>
/// <param name="Detail">For malformed and closed frames: a short reason without payload content.</param>
public readonly record struct GatewayFrame(GatewayFrameKind Kind, GatewayPayload? Payload, int? CloseCode, string? Detail)
{
    public static GatewayFrame Received(GatewayPayload payload) => new(GatewayFrameKind.Payload, payload, null, null);

    public static GatewayFrame Malformed(string detail) => new(GatewayFrameKind.Malformed, null, null, detail);

    public static GatewayFrame Closed(int? closeCode, string? detail) => new(GatewayFrameKind.Closed, null, closeCode, detail);
}
