using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A loopback port in front of the test PostgreSQL server that a test opens and shuts: <see cref="DoorState.Shut"/> hangs
/// up on every connection (a server that is down), <see cref="DoorState.Silent"/> holds connections without a word (a server
/// that does not answer), <see cref="DoorState.Open"/> passes the bytes through to <see cref="TestPostgres"/>'s server.
/// </summary>
public sealed class PostgresDoor : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _closing = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private volatile DoorState _state;

    public PostgresDoor(DoorState state)
    {
        _state = state;
        _listener.Start();
        _accepting = AcceptAsync(_closing.Token);
    }

    public DoorState State
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>The loopback port the door listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><paramref name="connectionString"/> (a database on the test server) reached through this door instead.</summary>
    public string Through(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Host = "127.0.0.1",
        Port = Port,
        Timeout = 3,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _closing.Dispose();
    }

    private async Task AcceptAsync(CancellationToken closing)
    {
        while (!closing.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(closing);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_held)
            {
                _held.Add(client);
            }

            switch (_state)
            {
                case DoorState.Shut:
                    client.Dispose();
                    break;
                case DoorState.Open:
                    _ = ForwardAsync(client, closing);
                    break;
            }
        }
    }

    private static async Task ForwardAsync(TcpClient client, CancellationToken closing)
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(server.Host!, server.Port, closing);
            var inbound = client.GetStream();
            var outbound = upstream.GetStream();
            await Task.WhenAny(inbound.CopyToAsync(outbound, closing), outbound.CopyToAsync(inbound, closing));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side hung up: the other follows.
        }
        finally
        {
            client.Dispose();
        }
    }
}
