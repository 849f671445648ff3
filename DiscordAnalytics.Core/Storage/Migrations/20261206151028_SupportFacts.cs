using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SupportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supportQuestions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    withBots = table.Column<bool>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    authorId = table.Column<long>(type: "INTEGER", nullable: false),
                    askedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    answeredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    answerMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supportQuestions", x => new { x.guildId, x.withBots, x.messageId });
                });

            migrationBuilder.CreateTable(
                name: "supportThreads",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    threadId = table.Column<long>(type: "INTEGER", nullable: false),
                    startedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    starterAuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    starterIsBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    starterGone = table.Column<bool>(type: "INTEGER", nullable: false),
                    firstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    firstResponseWithBotsAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supportThreads", x => new { x.guildId, x.threadId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_messageFacts_channel",
                table: "messageFacts",
                columns: new[] { "guildId", "channelId", "createdAt" },
                filter: "\"threadId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_supportQuestions_guildId_withBots_askedAt",
                table: "supportQuestions",
                columns: new[] { "guildId", "withBots", "askedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_supportQuestions_guildId_withBots_channelId_askedAt",
                table: "supportQuestions",
                columns: new[] { "guildId", "withBots", "channelId", "askedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_supportThreads_guildId_startedAt",
                table: "supportThreads",
                columns: new[] { "guildId", "startedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supportQuestions");

            migrationBuilder.DropTable(
                name: "supportThreads");

            migrationBuilder.DropIndex(
                name: "IX_messageFacts_channel",
                table: "messageFacts");
        }
    }
}
