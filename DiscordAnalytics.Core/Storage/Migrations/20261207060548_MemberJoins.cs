using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberJoins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberJoins",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    userId = table.Column<long>(type: "INTEGER", nullable: false),
                    joinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    isBot = table.Column<bool>(type: "INTEGER", nullable: false),
                    leftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    firstPostAt = table.Column<long>(type: "INTEGER", nullable: true),
                    isAttributed = table.Column<bool>(type: "INTEGER", nullable: false),
                    inviteCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberJoins", x => new { x.guildId, x.userId, x.joinedAt });
                });

            migrationBuilder.CreateIndex(
                name: "IX_memberJoins_joined",
                table: "memberJoins",
                columns: new[] { "guildId", "joinedAt" });

            // Every member's latest join was kept with the member: it becomes their first join row, with its attribution
            // (when it was for that join), stay and first post. Earlier joins were never kept.
            migrationBuilder.Sql("""
                INSERT INTO memberJoins (guildId, userId, joinedAt, isBot, leftAt, firstPostAt, isAttributed, inviteCode)
                SELECT guildId, userId, joinedAt, isBot, leftAt, firstPostAt,
                    (inviteJoinedAt IS NOT NULL AND inviteJoinedAt = joinedAt),
                    CASE WHEN inviteJoinedAt = joinedAt THEN inviteCode END
                FROM members WHERE joinedAt IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memberJoins");
        }
    }
}
