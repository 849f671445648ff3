using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SupportEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escalationroles",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalationroles", x => new { x.guildid, x.roleid });
                });

            migrationBuilder.CreateTable(
                name: "forumsolvedtags",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    tagid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forumsolvedtags", x => new { x.guildid, x.channelid, x.tagid });
                });

            migrationBuilder.CreateTable(
                name: "messagerolementions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    roleid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messagerolementions", x => new { x.guildid, x.messageid, x.roleid });
                });

            migrationBuilder.CreateTable(
                name: "threadclosings",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    threadid = table.Column<long>(type: "bigint", nullable: false),
                    closedat = table.Column<long>(type: "bigint", nullable: false),
                    bylock = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_threadclosings", x => new { x.guildid, x.threadid, x.closedat });
                });

            migrationBuilder.CreateTable(
                name: "threadtags",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    threadid = table.Column<long>(type: "bigint", nullable: false),
                    tagid = table.Column<long>(type: "bigint", nullable: false),
                    firstseenat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_threadtags", x => new { x.guildid, x.threadid, x.tagid });
                });

            migrationBuilder.CreateIndex(
                name: "ix_messagerolementions_guildid_roleid",
                table: "messagerolementions",
                columns: new[] { "guildid", "roleid" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalationroles");

            migrationBuilder.DropTable(
                name: "forumsolvedtags");

            migrationBuilder.DropTable(
                name: "messagerolementions");

            migrationBuilder.DropTable(
                name: "threadclosings");

            migrationBuilder.DropTable(
                name: "threadtags");
        }
    }
}
