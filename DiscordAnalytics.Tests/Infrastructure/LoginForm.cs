using System.Text.RegularExpressions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Fills the real <c>/login</c> form over HTTP: fetches it (antiforgery cookie + token), then posts it.</summary>
public static partial class LoginForm
{
    /// <summary>The hidden fields a rendered Blazor form carries (antiforgery token, form name).</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string password, string path = "/login")
    {
        var fields = await HiddenFieldsAsync(client, path);
        fields["Input.Password"] = password;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
