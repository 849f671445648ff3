using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A trigger on a real store that refuses one message's fact ("poisoned for the test"), as a bug or an unforeseen shape
/// would make the writer throw: SQLite's <c>RAISE(ABORT)</c>, or a plpgsql function raising an exception on PostgreSQL.
/// </summary>
public static class PoisonTrigger
{
    public const string Message = "poisoned for the test";

    public static async Task CreateAsync(TempSqliteStore store, ulong messageId) => await store.ExecuteAsync(store.Provider == StoreProvider.Postgres
        ? $"CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.messageId = {(long)messageId} THEN RAISE EXCEPTION '{Message}'; END IF; RETURN NEW; END $$; " +
          "CREATE TRIGGER poison BEFORE INSERT ON messageFacts FOR EACH ROW EXECUTE FUNCTION poison()"
        : $"CREATE TRIGGER poison BEFORE INSERT ON messageFacts WHEN NEW.messageId = {(long)messageId} BEGIN SELECT RAISE(ABORT, '{Message}'); END");

    public static async Task DropAsync(TempSqliteStore store) =>
        await store.ExecuteAsync(store.Provider == StoreProvider.Postgres ? "DROP TRIGGER poison ON messageFacts" : "DROP TRIGGER poison");
}
