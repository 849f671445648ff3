using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MemberRowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "memberrowversions",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberrowversions", x => x.guildid);
                });

            // Every change of a member row that moves who is present when steps the guild's version, in the changing
            // statement's transaction, whoever writes: a name or an invite changes nothing the lurkers card reads.
            migrationBuilder.Sql("""
                CREATE FUNCTION memberrowversions_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO memberrowversions (guildid, version)
                    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.guildid ELSE NEW.guildid END, 1)
                    ON CONFLICT (guildid) DO UPDATE SET version = memberrowversions.version + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER memberrowinserted AFTER INSERT ON members FOR EACH ROW EXECUTE FUNCTION memberrowversions_step();
                CREATE TRIGGER memberrowdeleted AFTER DELETE ON members FOR EACH ROW EXECUTE FUNCTION memberrowversions_step();
                CREATE TRIGGER memberrowchanged AFTER UPDATE OF isbot, joinedat, leftat ON members FOR EACH ROW
                    WHEN (OLD.isbot IS DISTINCT FROM NEW.isbot OR OLD.joinedat IS DISTINCT FROM NEW.joinedat OR OLD.leftat IS DISTINCT FROM NEW.leftat)
                    EXECUTE FUNCTION memberrowversions_step();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER memberrowinserted ON members;
                DROP TRIGGER memberrowdeleted ON members;
                DROP TRIGGER memberrowchanged ON members;
                DROP FUNCTION memberrowversions_step();
                """);

            migrationBuilder.DropTable(
                name: "memberrowversions");
        }
    }
}
