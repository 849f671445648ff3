using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

public sealed class SlashCommandSettingsConfiguration : IEntityTypeConfiguration<SlashCommandSettings>
{
    public void Configure(EntityTypeBuilder<SlashCommandSettings> builder)
    {
        builder.ToTable("slashCommandSettings");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
