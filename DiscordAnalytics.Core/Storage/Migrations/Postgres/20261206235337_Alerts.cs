using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerthistory",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    jumpurl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    dueat = table.Column<long>(type: "bigint", nullable: false),
                    result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    postedmessageid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerthistory", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alertsettings",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: true),
                    mentionroleid = table.Column<long>(type: "bigint", nullable: true),
                    unansweredenabled = table.Column<bool>(type: "boolean", nullable: false),
                    unansweredhours = table.Column<int>(type: "integer", nullable: false),
                    backlogenabled = table.Column<bool>(type: "boolean", nullable: false),
                    backlogthreshold = table.Column<int>(type: "integer", nullable: false),
                    backlogfired = table.Column<bool>(type: "boolean", nullable: false),
                    dropenabled = table.Column<bool>(type: "boolean", nullable: false),
                    droppercent = table.Column<int>(type: "integer", nullable: false),
                    dropdays = table.Column<int>(type: "integer", nullable: false),
                    quietstarthour = table.Column<int>(type: "integer", nullable: true),
                    quietendhour = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    statusmessage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    statusat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alertsettings", x => x.guildid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerthistory_guildid_id",
                table: "alerthistory",
                columns: new[] { "guildid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_alerthistory_guildid_kind_target",
                table: "alerthistory",
                columns: new[] { "guildid", "kind", "target" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerthistory");

            migrationBuilder.DropTable(
                name: "alertsettings");
        }
    }
}
