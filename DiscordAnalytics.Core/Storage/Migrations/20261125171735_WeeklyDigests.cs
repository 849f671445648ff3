using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "digestSchedules",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    dayOfWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    hour = table.Column<int>(type: "INTEGER", nullable: false),
                    timeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    autoPost = table.Column<bool>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: true),
                    nextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    lastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    lastDigestId = table.Column<long>(type: "INTEGER", nullable: true),
                    lastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digestSchedules", x => x.guildId);
                });

            migrationBuilder.CreateTable(
                name: "digests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<long>(type: "INTEGER", nullable: false),
                    windowStartAt = table.Column<long>(type: "INTEGER", nullable: false),
                    windowEndAt = table.Column<long>(type: "INTEGER", nullable: false),
                    summaryJson = table.Column<string>(type: "TEXT", nullable: false),
                    markdown = table.Column<string>(type: "TEXT", nullable: false),
                    generator = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    postedChannelId = table.Column<long>(type: "INTEGER", nullable: true),
                    postedMessageIds = table.Column<string>(type: "TEXT", nullable: false),
                    postedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    lastError = table.Column<string>(type: "TEXT", nullable: true),
                    scheduled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_digestSchedules_nextRunAt",
                table: "digestSchedules",
                column: "nextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_digests_guildId_createdAt",
                table: "digests",
                columns: new[] { "guildId", "createdAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digestSchedules");

            migrationBuilder.DropTable(
                name: "digests");
        }
    }
}
