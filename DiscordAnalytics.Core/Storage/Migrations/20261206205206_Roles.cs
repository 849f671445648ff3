using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Roles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberRoleSpans",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false),
                    fromAt = table.Column<long>(type: "INTEGER", nullable: false),
                    toAt = table.Column<long>(type: "INTEGER", nullable: true),
                    heldWhenFirstSeen = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberRoleSpans", x => new { x.guildId, x.userId, x.roleId, x.fromAt });
                });

            migrationBuilder.CreateTable(
                name: "memberRoleStates",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    seenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberRoleStates", x => new { x.guildId, x.userId });
                });

            migrationBuilder.CreateTable(
                name: "roleSnapshots",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    firstAt = table.Column<long>(type: "INTEGER", nullable: false),
                    lastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleSnapshots", x => x.guildId);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    color = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    managed = table.Column<bool>(type: "INTEGER", nullable: false),
                    deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    updatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roles", x => new { x.guildId, x.roleId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_memberRoleSpans_role",
                table: "memberRoleSpans",
                columns: new[] { "guildId", "roleId", "fromAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memberRoleSpans");

            migrationBuilder.DropTable(
                name: "memberRoleStates");

            migrationBuilder.DropTable(
                name: "roleSnapshots");

            migrationBuilder.DropTable(
                name: "roles");
        }
    }
}
