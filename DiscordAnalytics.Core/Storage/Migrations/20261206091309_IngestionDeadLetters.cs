using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IngestionDeadLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingestionDeadLetters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    eventType = table.Column<string>(type: "TEXT", nullable: false),
                    eventId = table.Column<string>(type: "TEXT", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: true),
                    eventJson = table.Column<string>(type: "TEXT", nullable: false),
                    exceptionType = table.Column<string>(type: "TEXT", nullable: false),
                    exceptionMessage = table.Column<string>(type: "TEXT", nullable: false),
                    firstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    lastFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestionDeadLetters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ingestionDeadLetters_guildId_userId",
                table: "ingestionDeadLetters",
                columns: new[] { "guildId", "userId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestionDeadLetters");
        }
    }
}
