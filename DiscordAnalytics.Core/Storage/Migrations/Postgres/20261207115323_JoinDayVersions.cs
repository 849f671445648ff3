using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class JoinDayVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "joindayversions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joindayversions", x => new { x.guildid, x.day });
                });

            // Every change of a join a card reads steps the version of the join's UTC day, in the changing statement's
            // transaction, whoever writes: a member row's join, first post or bot flag (added, changed, deleted), a
            // memberJoins row (added, changed, deleted). A join moved to another day steps both days. Days with no row yet
            // are at version 0. Other member changes only test the trigger's WHEN: the function is not called for them.
            migrationBuilder.Sql("""
                CREATE FUNCTION joindayversions_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        IF OLD.joinedat IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.joinedat IS NULL OR OLD.joinedat / 86400000 <> NEW.joinedat / 86400000) THEN
                            INSERT INTO joindayversions (guildid, day, version) VALUES (OLD.guildid, (OLD.joinedat / 86400000)::integer, 1)
                            ON CONFLICT (guildid, day) DO UPDATE SET version = joindayversions.version + 1;
                        END IF;
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        IF NEW.joinedat IS NOT NULL THEN
                            INSERT INTO joindayversions (guildid, day, version) VALUES (NEW.guildid, (NEW.joinedat / 86400000)::integer, 1)
                            ON CONFLICT (guildid, day) DO UPDATE SET version = joindayversions.version + 1;
                        END IF;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER joindaymemberinserted AFTER INSERT ON members FOR EACH ROW
                    WHEN (NEW.joinedat IS NOT NULL) EXECUTE FUNCTION joindayversions_step();
                CREATE TRIGGER joindaymemberdeleted AFTER DELETE ON members FOR EACH ROW
                    WHEN (OLD.joinedat IS NOT NULL) EXECUTE FUNCTION joindayversions_step();
                CREATE TRIGGER joindaymemberchanged AFTER UPDATE ON members FOR EACH ROW
                    WHEN (OLD.joinedat IS DISTINCT FROM NEW.joinedat OR OLD.firstpostat IS DISTINCT FROM NEW.firstpostat OR OLD.isbot IS DISTINCT FROM NEW.isbot)
                    EXECUTE FUNCTION joindayversions_step();
                CREATE TRIGGER joindayjoininserted AFTER INSERT ON memberjoins FOR EACH ROW EXECUTE FUNCTION joindayversions_step();
                CREATE TRIGGER joindayjoindeleted AFTER DELETE ON memberjoins FOR EACH ROW EXECUTE FUNCTION joindayversions_step();
                CREATE TRIGGER joindayjoinchanged AFTER UPDATE ON memberjoins FOR EACH ROW EXECUTE FUNCTION joindayversions_step();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER joindaymemberinserted ON members;
                DROP TRIGGER joindaymemberdeleted ON members;
                DROP TRIGGER joindaymemberchanged ON members;
                DROP TRIGGER joindayjoininserted ON memberjoins;
                DROP TRIGGER joindayjoindeleted ON memberjoins;
                DROP TRIGGER joindayjoinchanged ON memberjoins;
                DROP FUNCTION joindayversions_step();
                """);

            migrationBuilder.DropTable(
                name: "joindayversions");
        }
    }
}
