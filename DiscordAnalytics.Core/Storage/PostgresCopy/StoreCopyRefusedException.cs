namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// The copy cannot start or finish, for a reason the owner can act on; <see cref="Exception.Message"/> is the one line
/// to print (it names the file, the database or the table, never a password).
/// </summary>
public sealed class StoreCopyRefusedException : Exception
{
    public StoreCopyRefusedException()
    {
    }

    public StoreCopyRefusedException(string message)
        : base(message)
    {
    }

    public StoreCopyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
