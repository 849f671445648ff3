using System.Text.RegularExpressions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real <c>/login</c> form over HTTP without a cookie jar: cookies travel in explicit headers, so a test
/// can read exactly what the app sets (Secure, the session cookie's value) and replay a copied cookie.
/// </summary>
public static partial class CookieLogin
{
    /// <summary>Fetches the form and posts <paramref name="password"/>; <paramref name="decorate"/> adds headers to both requests.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string password, Action<HttpRequestMessage>? decorate = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/login");
        decorate?.Invoke(get);
        using var form = await client.SendAsync(get);
        form.EnsureSuccessStatusCode();
        var html = await form.Content.ReadAsStringAsync();
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Password"] = password;

        var post = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(fields) };
        decorate?.Invoke(post);
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(NameAndValue)));
        return await client.SendAsync(post);
    }

    /// <summary>The <c>Set-Cookie</c> headers of a response (none: empty).</summary>
    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    /// <summary><c>name=value</c> of a <c>Set-Cookie</c> header, as a <c>Cookie</c> header sends it back.</summary>
    public static string NameAndValue(string setCookie) => setCookie.Split(';', 2)[0];

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
