using System.Text.Json;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>A dispatch (op 0) as handed to the session's consumer.</summary>
/// <param name="EventName">The <c>t</c> field, e.g. <c>MESSAGE_CREATE</c>.</param>
/// <param name="Sequence">The <c>s</c> field.</param>
/// <param name="Data">The <c>d</c> field.</param>
/// <param name="ReceivedAt">Receive time in epoch milliseconds (from the session's TimeProvider).</param>
public sealed record GatewayDispatch(string EventName, int? Sequence, JsonElement Data, long ReceivedAt);
