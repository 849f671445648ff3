using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="SupportThread"/> to <c>supportThreads</c>: the writer finds a thread by the key, a window's threads are a range of the start index.</summary>
public sealed class SupportThreadConfiguration : IEntityTypeConfiguration<SupportThread>
{
    public void Configure(EntityTypeBuilder<SupportThread> builder)
    {
        builder.ToTable("supportThreads");
        builder.HasKey(x => new { x.GuildId, x.ThreadId });
        builder.HasIndex(x => new { x.GuildId, x.StartedAt });
    }
}
