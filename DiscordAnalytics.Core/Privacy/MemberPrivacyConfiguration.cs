using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Privacy;

public sealed class MemberPrivacyConfiguration : IEntityTypeConfiguration<MemberPrivacy>
{
    public void Configure(EntityTypeBuilder<MemberPrivacy> builder)
    {
        builder.ToTable("memberPrivacy");
        builder.HasKey(x => new { x.GuildId, x.UserId });
        builder.Property(x => x.Choice).IsRequired().HasConversion<StoredNameConverter<MemberPrivacyChoice>>();
    }
}
