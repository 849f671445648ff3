using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MessageKindDay"/> to <c>messageKindDays</c>: day right after the guild, so a window is one range scan of the key.</summary>
public sealed class MessageKindDayConfiguration : IEntityTypeConfiguration<MessageKindDay>
{
    public void Configure(EntityTypeBuilder<MessageKindDay> builder)
    {
        builder.ToTable("messageKindDays");
        builder.HasKey(x => new { x.GuildId, x.Day, x.IsBot });
    }
}
