using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SupportEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escalationRoles",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalationRoles", x => new { x.guildId, x.roleId });
                });

            migrationBuilder.CreateTable(
                name: "forumSolvedTags",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    channelId = table.Column<long>(type: "INTEGER", nullable: false),
                    tagId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forumSolvedTags", x => new { x.guildId, x.channelId, x.tagId });
                });

            migrationBuilder.CreateTable(
                name: "messageRoleMentions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    messageId = table.Column<long>(type: "INTEGER", nullable: false),
                    roleId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messageRoleMentions", x => new { x.guildId, x.messageId, x.roleId });
                });

            migrationBuilder.CreateTable(
                name: "threadClosings",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    threadId = table.Column<long>(type: "INTEGER", nullable: false),
                    closedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    byLock = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threadClosings", x => new { x.guildId, x.threadId, x.closedAt });
                });

            migrationBuilder.CreateTable(
                name: "threadTags",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    threadId = table.Column<long>(type: "INTEGER", nullable: false),
                    tagId = table.Column<long>(type: "INTEGER", nullable: false),
                    firstSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threadTags", x => new { x.guildId, x.threadId, x.tagId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_messageRoleMentions_guildId_roleId",
                table: "messageRoleMentions",
                columns: new[] { "guildId", "roleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalationRoles");

            migrationBuilder.DropTable(
                name: "forumSolvedTags");

            migrationBuilder.DropTable(
                name: "messageRoleMentions");

            migrationBuilder.DropTable(
                name: "threadClosings");

            migrationBuilder.DropTable(
                name: "threadTags");
        }
    }
}
