using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="SupportVersion"/> to <c>supportVersions</c>, one row per guild.</summary>
public sealed class SupportVersionConfiguration : IEntityTypeConfiguration<SupportVersion>
{
    public void Configure(EntityTypeBuilder<SupportVersion> builder)
    {
        builder.ToTable("supportVersions");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
