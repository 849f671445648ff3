using System.Text;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Request bodies for calls to the app's API.</summary>
public static class RequestBody
{
    /// <summary><paramref name="json"/> as an <c>application/json</c> (UTF-8) body.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
