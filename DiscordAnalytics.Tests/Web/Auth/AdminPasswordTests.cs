using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// The admin password's life: generated and printed once on first start (only its hash stored), taken from
/// Auth:AdminPassword when set, and changed on the change page (which signs other sessions out).
/// </summary>
public sealed partial class AdminPasswordTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-auth-");

    private string DbPath => Path.Combine(_folder.FullName, "analytics.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task FirstStart_NoConfiguredPassword_PrintsAStrongPasswordOnceAndStoresOnlyItsHash()
    {
        var console = new StringWriter();
        string password;
        await using (var first = NewApp(console))
        {
            _ = first.Server;
            password = await Eventually.ReturnsAsync(() => Task.FromResult(PrintedPassword(console.ToString())), p => p is not null) ?? "";
            Assert.Matches("^[A-Za-z0-9]{24}$", password);
            Assert.Contains("/login", console.ToString(), StringComparison.Ordinal);
            using var client = await first.CreateAdminClientAsync(password);
            using var dashboard = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        // The file (and its WAL) holds a PasswordHasher hash of it, never the password itself.
        SqliteConnection.ClearAllPools();
        foreach (var file in _folder.GetFiles("analytics.db*"))
        {
            Assert.DoesNotContain(password, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file.FullName)), StringComparison.Ordinal);
        }

        var stored = await ReadCredentialAsync();
        Assert.NotEqual(password, stored.PasswordHash);
        Assert.Equal("generated", stored.Source);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AdminCredential>().VerifyHashedPassword(stored, stored.PasswordHash, password));

        // A second start on the same file prints nothing and keeps the password.
        var again = new StringWriter();
        await using var second = NewApp(again);
        using var signedIn = await second.CreateAdminClientAsync(password);
        Assert.Equal(string.Empty, again.ToString());
        Assert.Equal(stored.PasswordHash, (await ReadCredentialAsync()).PasswordHash);
    }

    [Fact]
    public async Task Start_ConfiguredPassword_ReplacesTheGeneratedOneAndPrintsNothing()
    {
        var console = new StringWriter();
        await using (var first = NewApp(console))
        {
            _ = first.Server;
        }

        var generated = PrintedPassword(console.ToString())!;
        var quiet = new StringWriter();
        await using var second = NewApp(quiet, adminPassword: "configured-password-123");
        using var client = second.CreateClient(new() { AllowAutoRedirect = false });

        using var old = await LoginForm.PostAsync(client, generated);
        using var configured = await LoginForm.PostAsync(client, "configured-password-123");

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, configured.StatusCode);
        Assert.Equal(string.Empty, quiet.ToString());
        Assert.Equal("configured", (await ReadCredentialAsync()).Source);
    }

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_NewOneSignsInOldOneNotAndOtherSessionsEnd()
    {
        var console = new StringWriter();
        await using var app = NewApp(console);
        _ = app.Server;
        var password = PrintedPassword(console.ToString())!;
        using var other = await app.CreateAdminClientAsync(password);
        using var client = await app.CreateAdminClientAsync(password);

        using var response = await PostChangeAsync(client, password, "a-new-long-password", "a-new-long-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Password changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillIn = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using (var otherSession = await other.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
        }

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var withOld = await LoginForm.PostAsync(anonymous, password);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        using var withNew = await LoginForm.PostAsync(anonymous, "a-new-long-password");
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal("changed", (await ReadCredentialAsync()).Source);
    }

    [Theory]
    [InlineData("wrong-current", "a-new-long-password", "a-new-long-password", "The current password is wrong.")]
    [InlineData(null, "short", "short", "at least 12 characters")]
    [InlineData(null, "a-new-long-password", "a-different-password", "differ")]
    [InlineData(null, null, null, "is the current one")]
    public async Task ChangePassword_BadInput_IsRefusedAndThePasswordStays(string? current, string? next, string? confirm, string reason)
    {
        var console = new StringWriter();
        await using var app = NewApp(console);
        _ = app.Server;
        var password = PrintedPassword(console.ToString())!;
        using var client = await app.CreateAdminClientAsync(password);

        using var response = await PostChangeAsync(client, current ?? password, next ?? password, confirm ?? next ?? password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var withOld = await LoginForm.PostAsync(anonymous, password);
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_PostWithoutAntiforgeryToken_Is400AndChangesNothing()
    {
        var console = new StringWriter();
        await using var app = NewApp(console);
        _ = app.Server;
        var password = PrintedPassword(console.ToString())!;
        using var client = await app.CreateAdminClientAsync(password);
        var fields = await LoginForm.HiddenFieldsAsync(client, "/account/password");
        fields.Remove("__RequestVerificationToken");
        fields["Input.CurrentPassword"] = password;
        fields["Input.NewPassword"] = fields["Input.ConfirmPassword"] = "a-new-long-password";

        using var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("generated", (await ReadCredentialAsync()).Source);
    }

    [Fact]
    public async Task ChangePassword_PasswordFromConfiguration_ExplainsAndOffersNoForm()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = await app.CreateAdminClientAsync();

        var page = await client.GetStringAsync("/account/password");

        Assert.Contains("data-testid=\"password-configured\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"password-form\"", page, StringComparison.Ordinal);
    }

    private AnalyticsAppFactory NewApp(StringWriter console, string adminPassword = "") => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={DbPath}",
            ["Auth:AdminPassword"] = adminPassword,
        },
        services: services => services.AddSingleton(new AdminConsole(console)));

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm)
    {
        var fields = await LoginForm.HiddenFieldsAsync(client, "/account/password");
        fields["Input.CurrentPassword"] = current;
        fields["Input.NewPassword"] = next;
        fields["Input.ConfirmPassword"] = confirm;
        return await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));
    }

    private static string? PrintedPassword(string console)
    {
        var match = PrintedPasswordLine().Match(console);
        return match.Success ? match.Groups["password"].Value : null;
    }

    private async Task<AdminCredential> ReadCredentialAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT passwordHash, source, count(*) OVER () FROM adminCredentials";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "an adminCredentials row exists");
        Assert.Equal(1, reader.GetInt32(2));
        return new AdminCredential { PasswordHash = reader.GetString(0), Source = reader.GetString(1) };
    }

    [GeneratedRegex(@"shown only this once\):\s+(?<password>\S+)")]
    private static partial Regex PrintedPasswordLine();
}
