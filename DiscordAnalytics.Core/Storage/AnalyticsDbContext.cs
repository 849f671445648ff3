using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The analytics store. Tables and columns are camelCase, as the product's first design named them. Reads use this context
/// (one per operation, via IDbContextFactory); the ingestion hot path writes with plain SQL (IngestionSql).
/// </summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<Guild> Guilds => Set<Guild>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<AnalyticsEvent> AnalyticsEvents => Set<AnalyticsEvent>();

    public DbSet<MessageFact> MessageFacts => Set<MessageFact>();

    public DbSet<ReactionFact> ReactionFacts => Set<ReactionFact>();

    public DbSet<ChannelDailyRollup> ChannelDailyRollups => Set<ChannelDailyRollup>();

    public DbSet<MemberDailyRollup> MemberDailyRollups => Set<MemberDailyRollup>();

    public DbSet<GuildDailyRollup> GuildDailyRollups => Set<GuildDailyRollup>();

    public DbSet<ChannelDayQuarterHours> ChannelDayQuarterHours => Set<ChannelDayQuarterHours>();

    public DbSet<TopContentDaily> TopContentDaily => Set<TopContentDaily>();

    public DbSet<ReactionCount> ReactionCounts => Set<ReactionCount>();

    public DbSet<ReactionClear> ReactionClears => Set<ReactionClear>();

    public DbSet<BackfillRun> BackfillRuns => Set<BackfillRun>();

    public DbSet<BackfillChannel> BackfillChannels => Set<BackfillChannel>();

    public DbSet<Digest> Digests => Set<Digest>();

    public DbSet<DigestSchedule> DigestSchedules => Set<DigestSchedule>();

    public DbSet<MemberPrivacy> MemberPrivacy => Set<MemberPrivacy>();

    public DbSet<KeywordDay> KeywordDays => Set<KeywordDay>();

    public DbSet<KeywordDayVersion> KeywordDayVersions => Set<KeywordDayVersion>();

    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();

    public DbSet<MemberDayVersion> MemberDayVersions => Set<MemberDayVersion>();

    public DbSet<MemberRowVersion> MemberRowVersions => Set<MemberRowVersion>();

    public DbSet<SupportVersion> SupportVersions => Set<SupportVersion>();

    public DbSet<ChannelDayVersion> ChannelDayVersions => Set<ChannelDayVersion>();

    public DbSet<SupportThread> SupportThreads => Set<SupportThread>();

    public DbSet<SupportQuestion> SupportQuestions => Set<SupportQuestion>();

    public DbSet<VoiceSession> VoiceSessions => Set<VoiceSession>();

    public DbSet<Invite> Invites => Set<Invite>();

    /// <summary>Every join of every member, each with its own stay, first post and invite.</summary>
    public DbSet<MemberJoin> MemberJoins => Set<MemberJoin>();

    public DbSet<VoiceDay> VoiceDays => Set<VoiceDay>();

    public DbSet<MessageKindDay> MessageKindDays => Set<MessageKindDay>();

    public DbSet<EmojiDay> EmojiDays => Set<EmojiDay>();

    public DbSet<ContentEmojiDay> ContentEmojiDays => Set<ContentEmojiDay>();

    public DbSet<Loops.ActivityRoles.RoleRule> RoleRules => Set<Loops.ActivityRoles.RoleRule>();

    public DbSet<Loops.ActivityRoles.RoleGrant> RoleGrants => Set<Loops.ActivityRoles.RoleGrant>();

    public DbSet<Loops.ActivityRoles.RoleChange> RoleChanges => Set<Loops.ActivityRoles.RoleChange>();

    public DbSet<Loops.ActivityRoles.RoleRulesSwitch> RoleRuleSwitches => Set<Loops.ActivityRoles.RoleRulesSwitch>();

    public DbSet<Loops.Alerts.AlertSettings> AlertSettings => Set<Loops.Alerts.AlertSettings>();

    public DbSet<Loops.Alerts.AlertRecord> AlertHistory => Set<Loops.Alerts.AlertRecord>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<MemberRoleSpan> MemberRoleSpans => Set<MemberRoleSpan>();

    public DbSet<MemberRoleState> MemberRoleStates => Set<MemberRoleState>();

    public DbSet<RoleSnapshot> RoleSnapshots => Set<RoleSnapshot>();

    public DbSet<MemberRoleSpanVersion> MemberRoleSpanVersions => Set<MemberRoleSpanVersion>();

    public DbSet<MemberEventVersion> MemberEventVersions => Set<MemberEventVersion>();

    public DbSet<JoinDayVersion> JoinDayVersions => Set<JoinDayVersion>();

    /// <summary>
    /// The services this context replaces, given to its options where they are made: the app's pooled factory must be
    /// handed them (a pooled context may not change its options in <see cref="OnConfiguring"/>); other options (tests,
    /// design time) get them in <see cref="OnConfiguring"/>.
    /// </summary>
    public static DbContextOptionsBuilder WithReplacedServices(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            // SQLite only: the three-type form replaces SQLite's generator and leaves PostgreSQL's alone.
            .ReplaceService<IMigrationsSqlGenerator, SqliteMigrationsSqlGenerator, WithoutRowIdMigrationsSqlGenerator>()
            // Each provider has its own migrations (a namespace each, in this assembly).
            .ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var replaced = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ReplacedServices;
        if (replaced is null || !replaced.ContainsKey((typeof(IMigrationsAssembly), null)))
        {
            WithReplacedServices(optionsBuilder);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Capabilities added after the first release map their own tables (one configuration class each).
        modelBuilder.ApplyConfiguration(new GuildRetentionConfiguration());
        modelBuilder.ApplyConfiguration(new RetentionRunConfiguration());
        modelBuilder.ApplyConfiguration(new Leaderboard.LeaderboardSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new Loops.SlashCommands.SlashCommandSettingsConfiguration());

        modelBuilder.Entity<Guild>(e =>
        {
            e.ToTable("guilds");
            e.HasKey(x => x.GuildId);
            e.Property(x => x.GuildId).ValueGeneratedNever();
            e.Property(x => x.Mode).HasConversion<StoredNameConverter<GuildMode>>();
        });

        modelBuilder.Entity<Channel>(e =>
        {
            e.ToTable("channels");
            e.HasKey(x => new { x.GuildId, x.ChannelId });
            // Help channels are read on every support signals and mentors call (HelpChannelSettings): the guild's channels
            // of a few types, with their names. Without it that read passed over every thread the guild ever had (a
            // large guild's ~7,000 in two weeks) after each write; with it, a range per type that holds all it reads.
            e.HasIndex(x => new { x.GuildId, x.Type, x.IsThread, x.ChannelId, x.Name }).HasDatabaseName("IX_channels_type");
        });

        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(x => new { x.GuildId, x.UserId });
            // Activation: a window's new members are a range of this index, which holds all the card reads of them (a
            // large guild has ~200,000 members, a week a few thousand joins). Partial: members never seen joining are left
            // out; only a join and a new member's first post change it.
            e.HasIndex(x => new { x.GuildId, x.JoinedAt, x.IsBot, x.FirstPostAt }).HasFilter("\"joinedAt\" IS NOT NULL").HasDatabaseName("IX_members_joined");
        });

        modelBuilder.Entity<AnalyticsEvent>(e =>
        {
            e.ToTable("analyticsEvents");
            // The dedupe key (docs/how-it-counts.md), led by a time computed from it: as unique as (guild, type, id), but
            // live events append at the end of the b-tree, and retention reads the oldest rows off its front.
            // Cards read it for the previous window's cut hours (Totals: joins and leaves by a range of this key, thread
            // creates by event time, which scans the guild's rows).
            e.HasKey(x => new { x.GuildId, x.KeyAt, x.EventType, x.EventId });
            // The role filter reads a guild's joins and leaves whole (HeldJoinsAndLeaves), a few in a hundred raw events:
            // this covers that read. Partial: only joins and leaves pay for it at ingestion.
            e.HasIndex(x => new { x.GuildId, x.UserId, x.KeyAt, x.EventType, x.IsBot })
                .HasFilter($"\"eventType\" IN ('{StoredEventTypes.MemberAdd}', '{StoredEventTypes.MemberRemove}')")
                .HasDatabaseName("IX_analyticsEvents_membership");
        });

        modelBuilder.Entity<MessageFact>(e =>
        {
            e.ToTable("messageFacts");
            e.HasKey(x => new { x.GuildId, x.MessageId });
            // Support signals: a thread's messages in time order (starter, first response). Partial: only
            // thread messages are indexed, so ordinary messages pay nothing for it at ingestion. The messages
            // of a window of days are a range of the key (MessageIdRange), so there is no day index. Covering (author,
            // bot, created, deleted): the mentors' answers and the waiting threads' later posts of a year are read from the
            // index alone; looked up in the table, each of a year's ~0.8M thread messages was a read of its own page (47 s
            // from a cold cache on the year's store, against 0.9 s from the index alone).
            e.HasIndex(x => new { x.GuildId, x.ThreadId, x.CreatedAt, x.AuthorId, x.IsBot, x.IsCreated, x.DeletedAt })
                .HasFilter("\"threadId\" IS NOT NULL").HasDatabaseName("IX_messageFacts_thread");
            // Support questions (SupportQuestions, kept by the writer): a channel's own messages in time order, from a
            // point on and the one before it. Partial: thread messages, which name their parent as channel, are left out.
            e.HasIndex(x => new { x.GuildId, x.ChannelId, x.CreatedAt }).HasFilter("\"threadId\" IS NULL").HasDatabaseName("IX_messageFacts_channel");
            // The writer loads a guild's deleted messages once (ReactionBlocks); only deletes pay for this.
            e.HasIndex(x => new { x.GuildId, x.MessageId }).HasFilter("\"deletedAt\" IS NOT NULL").HasDatabaseName("IX_messageFacts_deleted");
            // The deletes of one day by their time (a day's totals count a delete on the day it happened, whenever the
            // message was written): without it that read passes over every message the guild ever had.
            e.HasIndex(x => new { x.GuildId, x.DeletedAt }).HasFilter("\"deletedAt\" IS NOT NULL").HasDatabaseName("IX_messageFacts_deletedAt");
        });

        modelBuilder.Entity<ReactionFact>(e =>
        {
            e.ToTable("reactionFacts");
            e.HasKey(x => new { x.GuildId, x.MessageId, x.Emoji, x.UserId });
        });

        modelBuilder.Entity<ChannelDailyRollup>(e =>
        {
            e.ToTable("channelDailyRollups");
            // Day first: every card reads a window of days, which is then a range scan of the key.
            e.HasKey(x => new { x.GuildId, x.Day, x.ChannelId, x.IsBot });
        });

        modelBuilder.Entity<MemberDailyRollup>(e =>
        {
            e.ToTable("memberDailyRollups");
            e.HasKey(x => new { x.GuildId, x.Day, x.UserId });
        });

        modelBuilder.Entity<GuildDailyRollup>(e =>
        {
            e.ToTable("guildDailyRollups");
            e.HasKey(x => new { x.GuildId, x.Day, x.IsBot });
        });

        modelBuilder.Entity<TopContentDaily>(e =>
        {
            e.ToTable("topContentDaily");
            // Windows read a range of the key (a message's day is its snowflake's): a score index would be
            // rewritten on every reaction.
            e.HasKey(x => new { x.GuildId, x.MessageId });
        });

        modelBuilder.ApplyConfiguration(new ReactionCountConfiguration());
        modelBuilder.ApplyConfiguration(new ReactionClearConfiguration());
        modelBuilder.ApplyConfiguration(new BackfillRunConfiguration());
        modelBuilder.ApplyConfiguration(new BackfillChannelConfiguration());
        modelBuilder.ApplyConfiguration(new DigestConfiguration());
        modelBuilder.ApplyConfiguration(new DigestScheduleConfiguration());
        modelBuilder.ApplyConfiguration(new HelpChannelOverrideConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelDayQuarterHoursConfiguration());
        modelBuilder.ApplyConfiguration(new MemberPrivacyConfiguration());
        modelBuilder.ApplyConfiguration(new KeywordDayConfiguration());
        modelBuilder.ApplyConfiguration(new KeywordDayVersionConfiguration());
        modelBuilder.ApplyConfiguration(new DeadLetterConfiguration());
        modelBuilder.ApplyConfiguration(new MemberDayVersionConfiguration());
        modelBuilder.ApplyConfiguration(new MemberRowVersionConfiguration());
        modelBuilder.ApplyConfiguration(new SupportVersionConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelDayVersionConfiguration());
        modelBuilder.ApplyConfiguration(new SupportThreadConfiguration());
        modelBuilder.ApplyConfiguration(new SupportQuestionConfiguration());
        SupportMarksConfiguration.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new VoiceSessionConfiguration());
        modelBuilder.ApplyConfiguration(new VoiceDayConfiguration());
        modelBuilder.ApplyConfiguration(new MessageKindDayConfiguration());
        modelBuilder.ApplyConfiguration(new EmojiDayConfiguration());
        modelBuilder.ApplyConfiguration(new ContentEmojiDayConfiguration());
        Loops.ActivityRoles.ActivityRolesModel.Apply(modelBuilder);
        Loops.Alerts.AlertsModel.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new RoleConfiguration());
        modelBuilder.ApplyConfiguration(new MemberRoleSpanConfiguration());
        modelBuilder.ApplyConfiguration(new MemberRoleStateConfiguration());
        modelBuilder.ApplyConfiguration(new MemberJoinConfiguration());
        modelBuilder.ApplyConfiguration(new RoleSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new MemberRoleSpanVersionConfiguration());
        modelBuilder.ApplyConfiguration(new MemberEventVersionConfiguration());
        modelBuilder.ApplyConfiguration(new JoinDayVersionConfiguration());
        modelBuilder.ApplyConfiguration(new InviteConfiguration());

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
            }
        }

        if (Database.IsNpgsql())
        {
            PostgresNaming.Apply(modelBuilder.Model);
        }
    }
}
