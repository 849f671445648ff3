using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Backfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "backfillChannels",
                columns: table => new
                {
                    runId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    parentId = table.Column<long>(type: "INTEGER", nullable: true),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    isThread = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    skipReason = table.Column<string>(type: "TEXT", nullable: true),
                    oldestMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    oldestAt = table.Column<long>(type: "INTEGER", nullable: true),
                    pages = table.Column<int>(type: "INTEGER", nullable: false),
                    messages = table.Column<int>(type: "INTEGER", nullable: false),
                    reactions = table.Column<int>(type: "INTEGER", nullable: false),
                    updatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backfillChannels", x => new { x.runId, x.channelId });
                });

            migrationBuilder.CreateTable(
                name: "backfillRuns",
                columns: table => new
                {
                    runId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    cutoffAt = table.Column<long>(type: "INTEGER", nullable: false),
                    channelSelection = table.Column<string>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    requestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    startedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    finishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    discoveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    requests = table.Column<long>(type: "INTEGER", nullable: false),
                    runningMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backfillRuns", x => x.runId);
                });

            migrationBuilder.CreateTable(
                name: "reactionCounts",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    emoji = table.Column<string>(type: "TEXT", nullable: false),
                    anonymousCount = table.Column<int>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    observedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reactionCounts", x => new { x.guildId, x.messageId, x.emoji });
                });

            migrationBuilder.CreateIndex(
                name: "IX_backfillRuns_guildId_runId",
                table: "backfillRuns",
                columns: new[] { "guildId", "runId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backfillChannels");

            migrationBuilder.DropTable(
                name: "backfillRuns");

            migrationBuilder.DropTable(
                name: "reactionCounts");
        }
    }
}
