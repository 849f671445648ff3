using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analyticsEvents",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    eventType = table.Column<string>(type: "TEXT", nullable: false),
                    eventId = table.Column<string>(type: "TEXT", nullable: false),
                    eventAt = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: true),
                    threadId = table.Column<long>(type: "INTEGER", nullable: true),
                    messageId = table.Column<long>(type: "INTEGER", nullable: true),
                    userId = table.Column<long>(type: "INTEGER", nullable: true),
                    emoji = table.Column<string>(type: "TEXT", nullable: true),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analyticsEvents", x => new { x.guildId, x.eventType, x.eventId });
                });

            migrationBuilder.CreateTable(
                name: "channelDailyRollups",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    messageCount = table.Column<long>(type: "INTEGER", nullable: false),
                    reactionCount = table.Column<long>(type: "INTEGER", nullable: false),
                    threadCount = table.Column<long>(type: "INTEGER", nullable: false),
                    deletedCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channelDailyRollups", x => new { x.guildId, x.day, x.channelId, x.isBot });
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    parentId = table.Column<long>(type: "INTEGER", nullable: true),
                    isThread = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => new { x.guildId, x.channelId });
                });

            migrationBuilder.CreateTable(
                name: "guildDailyRollups",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    joins = table.Column<long>(type: "INTEGER", nullable: false),
                    leaves = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guildDailyRollups", x => new { x.guildId, x.day, x.isBot });
                });

            migrationBuilder.CreateTable(
                name: "guilds",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    mode = table.Column<string>(type: "TEXT", nullable: false),
                    timeZone = table.Column<string>(type: "TEXT", nullable: false),
                    lastEventAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guilds", x => x.guildId);
                });

            migrationBuilder.CreateTable(
                name: "memberDailyRollups",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    messagesSent = table.Column<long>(type: "INTEGER", nullable: false),
                    reactionsAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    threadsStarted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberDailyRollups", x => new { x.guildId, x.day, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    displayName = table.Column<string>(type: "TEXT", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    joinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    leftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => new { x.guildId, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "messageFacts",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    threadId = table.Column<long>(type: "INTEGER", nullable: true),
                    authorId = table.Column<long>(type: "INTEGER", nullable: true),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    excerpt = table.Column<string>(type: "TEXT", nullable: true),
                    referencedMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    editedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    deletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    isCreated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messageFacts", x => new { x.guildId, x.messageId });
                });

            migrationBuilder.CreateTable(
                name: "reactionFacts",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    emoji = table.Column<string>(type: "TEXT", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reactionFacts", x => new { x.guildId, x.messageId, x.emoji, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "topContentDaily",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    reactionScore = table.Column<long>(type: "INTEGER", nullable: false),
                    botReactionScore = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topContentDaily", x => new { x.guildId, x.messageId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_analyticsEvents_guildId_eventAt",
                table: "analyticsEvents",
                columns: new[] { "guildId", "eventAt" });

            migrationBuilder.CreateIndex(
                name: "IX_topContentDaily_guildId_day_reactionScore",
                table: "topContentDaily",
                columns: new[] { "guildId", "day", "reactionScore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analyticsEvents");

            migrationBuilder.DropTable(
                name: "channelDailyRollups");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "guildDailyRollups");

            migrationBuilder.DropTable(
                name: "guilds");

            migrationBuilder.DropTable(
                name: "memberDailyRollups");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "messageFacts");

            migrationBuilder.DropTable(
                name: "reactionFacts");

            migrationBuilder.DropTable(
                name: "topContentDaily");
        }
    }
}
