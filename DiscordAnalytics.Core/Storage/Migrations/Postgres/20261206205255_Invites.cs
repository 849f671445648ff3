using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Invites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "invitecode",
                table: "members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "invitejoinedat",
                table: "members",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "invitescheckedat",
                table: "guilds",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "invitesstatus",
                table: "guilds",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "invites",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    inviterid = table.Column<long>(type: "bigint", nullable: true),
                    channelid = table.Column<long>(type: "bigint", nullable: true),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    maxuses = table.Column<int>(type: "integer", nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: true),
                    isvanity = table.Column<bool>(type: "boolean", nullable: false),
                    seenat = table.Column<long>(type: "bigint", nullable: false),
                    deletedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invites", x => new { x.guildid, x.code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invites");

            migrationBuilder.DropColumn(
                name: "invitecode",
                table: "members");

            migrationBuilder.DropColumn(
                name: "invitejoinedat",
                table: "members");

            migrationBuilder.DropColumn(
                name: "invitescheckedat",
                table: "guilds");

            migrationBuilder.DropColumn(
                name: "invitesstatus",
                table: "guilds");
        }
    }
}
