using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Invites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "inviteCode",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "inviteJoinedAt",
                table: "members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "invitesCheckedAt",
                table: "guilds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "invitesStatus",
                table: "guilds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "invites",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    inviterId = table.Column<long>(type: "INTEGER", nullable: true),
                    channelId = table.Column<long>(type: "INTEGER", nullable: true),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    maxUses = table.Column<int>(type: "INTEGER", nullable: false),
                    expiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    isVanity = table.Column<bool>(type: "INTEGER", nullable: false),
                    seenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    deletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invites", x => new { x.guildId, x.code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invites");

            migrationBuilder.DropColumn(
                name: "inviteCode",
                table: "members");

            migrationBuilder.DropColumn(
                name: "inviteJoinedAt",
                table: "members");

            migrationBuilder.DropColumn(
                name: "invitesCheckedAt",
                table: "guilds");

            migrationBuilder.DropColumn(
                name: "invitesStatus",
                table: "guilds");
        }
    }
}
