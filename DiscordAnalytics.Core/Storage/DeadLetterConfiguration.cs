using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

public sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> builder)
    {
        builder.ToTable("ingestionDeadLetters");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.EventType).IsRequired();
        builder.Property(x => x.EventId).IsRequired();
        builder.Property(x => x.EventJson).IsRequired();
        builder.Property(x => x.ExceptionType).IsRequired();
        builder.Property(x => x.ExceptionMessage).IsRequired();
        builder.HasIndex(x => new { x.GuildId, x.UserId });
    }
}
