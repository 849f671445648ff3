namespace DiscordAnalytics.Core.Leadership;

/// <summary>What this app instance does among those sharing one store.</summary>
public enum InstanceRole
{
    /// <summary>Holds the gateway, the writer, backfill and the jobs: the only instance on SQLite, the lock holder on PostgreSQL.</summary>
    Leader,

    /// <summary>Serves the dashboard and the API from the store and waits to take over.</summary>
    Standby,
}
