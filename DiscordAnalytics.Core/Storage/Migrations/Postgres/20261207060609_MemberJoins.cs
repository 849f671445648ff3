using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MemberJoins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberjoins",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    joinedat = table.Column<long>(type: "bigint", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    leftat = table.Column<long>(type: "bigint", nullable: true),
                    firstpostat = table.Column<long>(type: "bigint", nullable: true),
                    isattributed = table.Column<bool>(type: "boolean", nullable: false),
                    invitecode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberjoins", x => new { x.guildid, x.userid, x.joinedat });
                });

            migrationBuilder.CreateIndex(
                name: "ix_memberjoins_joined",
                table: "memberjoins",
                columns: new[] { "guildid", "joinedat" });

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
                name: "memberjoins");
        }
    }
}
