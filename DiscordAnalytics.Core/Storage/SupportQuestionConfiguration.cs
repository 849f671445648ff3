using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Maps <see cref="SupportQuestion"/> to <c>supportQuestions</c>: the writer reads and replaces a channel's questions
/// from a time on (channel index), a window's questions are a range of the time index.
/// </summary>
public sealed class SupportQuestionConfiguration : IEntityTypeConfiguration<SupportQuestion>
{
    public void Configure(EntityTypeBuilder<SupportQuestion> builder)
    {
        builder.ToTable("supportQuestions");
        builder.HasKey(x => new { x.GuildId, x.WithBots, x.MessageId });
        builder.HasIndex(x => new { x.GuildId, x.WithBots, x.ChannelId, x.AskedAt });
        builder.HasIndex(x => new { x.GuildId, x.WithBots, x.AskedAt });
    }
}
