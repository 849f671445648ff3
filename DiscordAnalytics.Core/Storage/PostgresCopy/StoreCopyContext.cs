using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// A context whose tables the copy carries over (the analytics store's, the Web's sign-in state): made for a
/// <see cref="StorageOptions"/> of either provider, so the copy reads both models and migrates the target with it.
/// </summary>
public sealed record StoreCopyContext(string Name, Func<StorageOptions, DbContext> Create);
