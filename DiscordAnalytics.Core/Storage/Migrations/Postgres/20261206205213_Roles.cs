using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Roles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberrolespans",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false),
                    fromat = table.Column<long>(type: "bigint", nullable: false),
                    toat = table.Column<long>(type: "bigint", nullable: true),
                    heldwhenfirstseen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberrolespans", x => new { x.guildid, x.userid, x.roleid, x.fromat });
                });

            migrationBuilder.CreateTable(
                name: "memberrolestates",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    seenat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberrolestates", x => new { x.guildid, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    color = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    managed = table.Column<bool>(type: "boolean", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => new { x.guildid, x.roleid });
                });

            migrationBuilder.CreateTable(
                name: "rolesnapshots",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    firstat = table.Column<long>(type: "bigint", nullable: false),
                    lastat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rolesnapshots", x => x.guildid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_memberrolespans_role",
                table: "memberrolespans",
                columns: new[] { "guildid", "roleid", "fromat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memberrolespans");

            migrationBuilder.DropTable(
                name: "memberrolestates");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "rolesnapshots");
        }
    }
}
