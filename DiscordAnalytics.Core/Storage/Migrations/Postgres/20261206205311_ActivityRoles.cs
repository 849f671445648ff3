using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ActivityRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rolechanges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    ruleid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rolechanges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rolegrants",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    ruleid = table.Column<long>(type: "bigint", nullable: false),
                    byapp = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rolegrants", x => new { x.guildid, x.roleid, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "rolerules",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    threshold = table.Column<long>(type: "bigint", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    statusmessage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    statusat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rolerules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roleruleswitches",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    actondiscord = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roleruleswitches", x => x.guildid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rolechanges_guildid_id",
                table: "rolechanges",
                columns: new[] { "guildid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rolerules_guildid_roleid",
                table: "rolerules",
                columns: new[] { "guildid", "roleid" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rolechanges");

            migrationBuilder.DropTable(
                name: "rolegrants");

            migrationBuilder.DropTable(
                name: "rolerules");

            migrationBuilder.DropTable(
                name: "roleruleswitches");
        }
    }
}
