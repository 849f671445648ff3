using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="VoiceSession"/> to <c>voiceSessions</c>: the writer loads a guild's open sessions by the key's prefix.</summary>
public sealed class VoiceSessionConfiguration : IEntityTypeConfiguration<VoiceSession>
{
    public void Configure(EntityTypeBuilder<VoiceSession> builder)
    {
        builder.ToTable("voiceSessions");
        builder.HasKey(x => new { x.GuildId, x.UserId });
    }
}
