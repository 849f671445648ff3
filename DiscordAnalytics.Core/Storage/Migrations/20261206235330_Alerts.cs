using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alertHistory",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    jumpUrl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    dueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    postedMessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alertHistory", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alertSettings",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: true),
                    mentionRoleId = table.Column<long>(type: "INTEGER", nullable: true),
                    unansweredEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    unansweredHours = table.Column<int>(type: "INTEGER", nullable: false),
                    backlogEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    backlogThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    backlogFired = table.Column<bool>(type: "INTEGER", nullable: false),
                    dropEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    dropPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    dropDays = table.Column<int>(type: "INTEGER", nullable: false),
                    quietStartHour = table.Column<int>(type: "INTEGER", nullable: true),
                    quietEndHour = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    statusMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    statusAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alertSettings", x => x.guildId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alertHistory_guildId_id",
                table: "alertHistory",
                columns: new[] { "guildId", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_alertHistory_guildId_kind_target",
                table: "alertHistory",
                columns: new[] { "guildId", "kind", "target" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alertHistory");

            migrationBuilder.DropTable(
                name: "alertSettings");
        }
    }
}
