using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LeaderboardSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leaderboardSettings",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    streakMessages = table.Column<bool>(type: "INTEGER", nullable: false),
                    streakReactions = table.Column<bool>(type: "INTEGER", nullable: false),
                    streakVoice = table.Column<bool>(type: "INTEGER", nullable: false),
                    messageWeight = table.Column<double>(type: "REAL", nullable: false),
                    reactionWeight = table.Column<double>(type: "REAL", nullable: false),
                    threadWeight = table.Column<double>(type: "REAL", nullable: false),
                    voiceMinuteWeight = table.Column<double>(type: "REAL", nullable: false),
                    publicLinkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    publicLinkCreatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leaderboardSettings", x => x.guildId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leaderboardSettings_publicLinkHash",
                table: "leaderboardSettings",
                column: "publicLinkHash",
                unique: true,
                filter: "\"publicLinkHash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leaderboardSettings");
        }
    }
}
