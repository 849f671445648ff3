using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Table <c>helpChannelOverrides</c>: per-guild help-channel choices that differ from the default rule.</summary>
public sealed class HelpChannelOverrideConfiguration : IEntityTypeConfiguration<HelpChannelOverride>
{
    public void Configure(EntityTypeBuilder<HelpChannelOverride> builder)
    {
        builder.ToTable("helpChannelOverrides");
        builder.HasKey(x => new { x.GuildId, x.ChannelId });
    }
}
