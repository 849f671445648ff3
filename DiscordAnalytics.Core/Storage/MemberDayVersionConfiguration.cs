using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MemberDayVersion"/> to <c>memberDayVersions</c>: a window's versions are one range scan of the key.</summary>
public sealed class MemberDayVersionConfiguration : IEntityTypeConfiguration<MemberDayVersion>
{
    public void Configure(EntityTypeBuilder<MemberDayVersion> builder)
    {
        builder.ToTable("memberDayVersions");
        builder.HasKey(x => new { x.GuildId, x.Day });
    }
}
