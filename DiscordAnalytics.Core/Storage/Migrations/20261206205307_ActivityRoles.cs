using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ActivityRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "roleChanges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    ruleId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleChanges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roleGrants",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    ruleId = table.Column<long>(type: "INTEGER", nullable: false),
                    byApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleGrants", x => new { x.guildId, x.roleId, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "roleRuleSwitches",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    actOnDiscord = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleRuleSwitches", x => x.guildId);
                });

            migrationBuilder.CreateTable(
                name: "roleRules",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    statusMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    statusAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleRules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_roleChanges_guildId_id",
                table: "roleChanges",
                columns: new[] { "guildId", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_roleRules_guildId_roleId",
                table: "roleRules",
                columns: new[] { "guildId", "roleId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roleChanges");

            migrationBuilder.DropTable(
                name: "roleGrants");

            migrationBuilder.DropTable(
                name: "roleRuleSwitches");

            migrationBuilder.DropTable(
                name: "roleRules");
        }
    }
}
