using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class JoinDayVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "joinDayVersions",
                columns: table => new
                {
                    guildId = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joinDayVersions", x => new { x.guildId, x.day });
                });

            // Every change of a join a card reads steps the version of the join's UTC day, in the changing statement's
            // transaction, whoever writes: a member row's join, first post or bot flag (added, changed, deleted), a
            // memberJoins row (added, changed, deleted). A join moved to another day steps both days. No conflict clause
            // inside: an outer upsert's conflict policy would override it. Days with no row yet are at version 0.
            foreach (var (name, when, row) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when}
                    BEGIN
                        INSERT INTO joinDayVersions (guildId, day, version)
                        SELECT {row}.guildId, {row}.joinedAt / 86400000, 0
                        WHERE NOT EXISTS (SELECT 1 FROM joinDayVersions WHERE guildId = {row}.guildId AND day = {row}.joinedAt / 86400000);
                        UPDATE joinDayVersions SET version = version + 1 WHERE guildId = {row}.guildId AND day = {row}.joinedAt / 86400000;
                    END;
                    """);
            }
        }

        private const string MemberChanged = "(OLD.joinedAt IS NOT NEW.joinedAt OR OLD.firstPostAt IS NOT NEW.firstPostAt OR OLD.isBot IS NOT NEW.isBot)";

        private const string DayMoved = "OLD.joinedAt / 86400000 IS NOT NEW.joinedAt / 86400000";

        private static readonly (string Name, string When, string Row)[] Triggers =
        [
            ("joinDayMemberInserted", "AFTER INSERT ON members WHEN NEW.joinedAt IS NOT NULL", "NEW"),
            ("joinDayMemberDeleted", "AFTER DELETE ON members WHEN OLD.joinedAt IS NOT NULL", "OLD"),
            ("joinDayMemberChanged", $"AFTER UPDATE OF joinedAt, firstPostAt, isBot ON members WHEN NEW.joinedAt IS NOT NULL AND {MemberChanged}", "NEW"),
            ("joinDayMemberMoved", $"AFTER UPDATE OF joinedAt ON members WHEN OLD.joinedAt IS NOT NULL AND {DayMoved}", "OLD"),
            ("joinDayJoinInserted", "AFTER INSERT ON memberJoins", "NEW"),
            ("joinDayJoinDeleted", "AFTER DELETE ON memberJoins", "OLD"),
            ("joinDayJoinChanged", "AFTER UPDATE ON memberJoins", "NEW"),
            ("joinDayJoinMoved", $"AFTER UPDATE OF joinedAt ON memberJoins WHEN {DayMoved}", "OLD"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER {name};");
            }

            migrationBuilder.DropTable(
                name: "joinDayVersions");
        }
    }
}
