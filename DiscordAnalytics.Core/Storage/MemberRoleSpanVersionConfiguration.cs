using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MemberRoleSpanVersion"/> to <c>memberRoleSpanVersions</c>, one row per guild (its triggers are in the migration of each provider).</summary>
public sealed class MemberRoleSpanVersionConfiguration : IEntityTypeConfiguration<MemberRoleSpanVersion>
{
    public void Configure(EntityTypeBuilder<MemberRoleSpanVersion> builder)
    {
        builder.ToTable("memberRoleSpanVersions");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
