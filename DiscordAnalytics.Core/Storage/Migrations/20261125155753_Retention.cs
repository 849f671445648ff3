using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "guildRetention",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    rawEventDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guildRetention", x => x.guildId);
                });

            migrationBuilder.CreateTable(
                name: "retentionRuns",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    startedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    finishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    cutoffAt = table.Column<long>(type: "INTEGER", nullable: false),
                    deletedEvents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retentionRuns", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retentionRuns_guildId_finishedAt",
                table: "retentionRuns",
                columns: new[] { "guildId", "finishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guildRetention");

            migrationBuilder.DropTable(
                name: "retentionRuns");
        }
    }
}
