using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Loads (or on first start creates) the admin credential before the first request, and prints a generated
/// password once, with the sign-in URL, when the server is listening (its address is only known then).
/// </summary>
public sealed class AdminPasswordInitializer(
    AdminCredentials credentials,
    AdminConsole console,
    IServer server,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var generated = await credentials.InitializeAsync(cancellationToken);
        if (generated is null)
        {
            return;
        }

        lifetime.ApplicationStarted.Register(() => Announce(generated));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce(string password)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var signIn = address is null ? "/login" : address.TrimEnd('/') + "/login";
        console.WriteBlock(
        [
            string.Empty,
            "=====================================================================",
            " DiscordAnalytics: first start. Admin password (shown only this once):",
            string.Empty,
            "     " + password,
            string.Empty,
            $" Sign in at {signIn} and change it at /account/password.",
            " Only its hash is stored. Lost it? Start once with Auth__AdminPassword set.",
            "=====================================================================",
            string.Empty,
        ]);
    }
}
