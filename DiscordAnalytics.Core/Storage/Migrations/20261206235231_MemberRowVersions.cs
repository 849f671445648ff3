using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MemberRowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberRowVersions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberRowVersions", x => x.guildId);
                });

            // Every change of a member row that moves who is present when steps the guild's version, in the changing
            // statement's transaction, whoever writes: a name or an invite changes nothing the lurkers card reads. No
            // conflict clause inside: an outer upsert's conflict policy would override it.
            foreach (var (name, when, row) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when}
                    BEGIN
                        INSERT INTO memberRowVersions (guildId, version)
                        SELECT {row}.guildId, 0 WHERE NOT EXISTS (SELECT 1 FROM memberRowVersions WHERE guildId = {row}.guildId);
                        UPDATE memberRowVersions SET version = version + 1 WHERE guildId = {row}.guildId;
                    END;
                    """);
            }
        }

        private static readonly (string Name, string When, string Row)[] Triggers =
        [
            ("memberRowInserted", "AFTER INSERT ON members", "NEW"),
            ("memberRowDeleted", "AFTER DELETE ON members", "OLD"),
            ("memberRowChanged", "AFTER UPDATE OF isBot, joinedAt, leftAt ON members WHEN OLD.isBot IS NOT NEW.isBot OR OLD.joinedAt IS NOT NEW.joinedAt OR OLD.leftAt IS NOT NEW.leftAt", "NEW"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER {name};");
            }

            migrationBuilder.DropTable(
                name: "memberRowVersions");
        }
    }
}
