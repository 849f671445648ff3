using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiscordAnalytics.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analyticsevents",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    keyat = table.Column<long>(type: "bigint", nullable: false),
                    eventtype = table.Column<string>(type: "text", nullable: false),
                    eventid = table.Column<string>(type: "text", nullable: false),
                    eventat = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: true),
                    threadid = table.Column<long>(type: "bigint", nullable: true),
                    messageid = table.Column<long>(type: "bigint", nullable: true),
                    userid = table.Column<long>(type: "bigint", nullable: true),
                    emoji = table.Column<string>(type: "text", nullable: true),
                    isbot = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyticsevents", x => new { x.guildid, x.keyat, x.eventtype, x.eventid });
                });

            migrationBuilder.CreateTable(
                name: "backfillchannels",
                columns: table => new
                {
                    runid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    parentid = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    isthread = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    skipreason = table.Column<string>(type: "text", nullable: true),
                    oldestmessageid = table.Column<long>(type: "bigint", nullable: true),
                    oldestat = table.Column<long>(type: "bigint", nullable: true),
                    pages = table.Column<int>(type: "integer", nullable: false),
                    messages = table.Column<int>(type: "integer", nullable: false),
                    reactions = table.Column<int>(type: "integer", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backfillchannels", x => new { x.runid, x.channelid });
                });

            migrationBuilder.CreateTable(
                name: "backfillruns",
                columns: table => new
                {
                    runid = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    cutoffat = table.Column<long>(type: "bigint", nullable: false),
                    channelselection = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<string>(type: "text", nullable: false),
                    requestedat = table.Column<long>(type: "bigint", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: true),
                    finishedat = table.Column<long>(type: "bigint", nullable: true),
                    discoveredat = table.Column<long>(type: "bigint", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    runningms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backfillruns", x => x.runid);
                });

            migrationBuilder.CreateTable(
                name: "channeldailyrollups",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    messagecount = table.Column<long>(type: "bigint", nullable: false),
                    reactioncount = table.Column<long>(type: "bigint", nullable: false),
                    threadcount = table.Column<long>(type: "bigint", nullable: false),
                    deletedcount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channeldailyrollups", x => new { x.guildid, x.day, x.channelid, x.isbot });
                });

            migrationBuilder.CreateTable(
                name: "channeldayquarterhours",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    messagecounts = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channeldayquarterhours", x => new { x.guildid, x.day, x.channelid, x.isbot });
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    parentid = table.Column<long>(type: "bigint", nullable: true),
                    isthread = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels", x => new { x.guildid, x.channelid });
                });

            migrationBuilder.CreateTable(
                name: "digests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    windowstartat = table.Column<long>(type: "bigint", nullable: false),
                    windowendat = table.Column<long>(type: "bigint", nullable: false),
                    summaryjson = table.Column<string>(type: "text", nullable: false),
                    markdown = table.Column<string>(type: "text", nullable: false),
                    generator = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    postedchannelid = table.Column<long>(type: "bigint", nullable: true),
                    postedmessageids = table.Column<string>(type: "text", nullable: false),
                    postedat = table.Column<long>(type: "bigint", nullable: true),
                    lasterror = table.Column<string>(type: "text", nullable: true),
                    scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    editpending = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "digestschedules",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    dayofweek = table.Column<int>(type: "integer", nullable: false),
                    hour = table.Column<int>(type: "integer", nullable: false),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    autopost = table.Column<bool>(type: "boolean", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: true),
                    nextrunat = table.Column<long>(type: "bigint", nullable: true),
                    lastrunat = table.Column<long>(type: "bigint", nullable: true),
                    lastdigestid = table.Column<long>(type: "bigint", nullable: true),
                    lasterror = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digestschedules", x => x.guildid);
                });

            migrationBuilder.CreateTable(
                name: "guilddailyrollups",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    joins = table.Column<long>(type: "bigint", nullable: false),
                    leaves = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guilddailyrollups", x => new { x.guildid, x.day, x.isbot });
                });

            migrationBuilder.CreateTable(
                name: "guildretention",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    raweventdays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guildretention", x => x.guildid);
                });

            migrationBuilder.CreateTable(
                name: "guilds",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    timezone = table.Column<string>(type: "text", nullable: false),
                    lasteventat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guilds", x => x.guildid);
                });

            migrationBuilder.CreateTable(
                name: "helpchanneloverrides",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    ishelpchannel = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_helpchanneloverrides", x => new { x.guildid, x.channelid });
                });

            migrationBuilder.CreateTable(
                name: "ingestiondeadletters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    eventtype = table.Column<string>(type: "text", nullable: false),
                    eventid = table.Column<string>(type: "text", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: true),
                    eventjson = table.Column<string>(type: "text", nullable: false),
                    exceptiontype = table.Column<string>(type: "text", nullable: false),
                    exceptionmessage = table.Column<string>(type: "text", nullable: false),
                    firstfailedat = table.Column<long>(type: "bigint", nullable: false),
                    lastfailedat = table.Column<long>(type: "bigint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestiondeadletters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "keyworddays",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    terms = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_keyworddays", x => new { x.guildid, x.day });
                });

            migrationBuilder.CreateTable(
                name: "memberdailyrollups",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    messagessent = table.Column<long>(type: "bigint", nullable: false),
                    reactionsadded = table.Column<long>(type: "bigint", nullable: false),
                    threadsstarted = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberdailyrollups", x => new { x.guildid, x.day, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "memberprivacy",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    choice = table.Column<string>(type: "text", nullable: false),
                    setat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberprivacy", x => new { x.guildid, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    displayname = table.Column<string>(type: "text", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    joinedat = table.Column<long>(type: "bigint", nullable: true),
                    leftat = table.Column<long>(type: "bigint", nullable: true),
                    firstpostat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => new { x.guildid, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "messagefacts",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    threadid = table.Column<long>(type: "bigint", nullable: true),
                    authorid = table.Column<long>(type: "bigint", nullable: true),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    excerpt = table.Column<string>(type: "text", nullable: true),
                    referencedmessageid = table.Column<long>(type: "bigint", nullable: true),
                    editedat = table.Column<long>(type: "bigint", nullable: true),
                    deletedat = table.Column<long>(type: "bigint", nullable: true),
                    iscreated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messagefacts", x => new { x.guildid, x.messageid });
                });

            migrationBuilder.CreateTable(
                name: "reactionclears",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    emoji = table.Column<string>(type: "text", nullable: false),
                    clearedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reactionclears", x => new { x.guildid, x.messageid, x.emoji });
                });

            migrationBuilder.CreateTable(
                name: "reactioncounts",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    emoji = table.Column<string>(type: "text", nullable: false),
                    anonymouscount = table.Column<int>(type: "integer", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    observedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reactioncounts", x => new { x.guildid, x.messageid, x.emoji });
                });

            migrationBuilder.CreateTable(
                name: "reactionfacts",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    emoji = table.Column<string>(type: "text", nullable: false),
                    userid = table.Column<long>(type: "bigint", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    isbot = table.Column<bool>(type: "boolean", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    removedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reactionfacts", x => new { x.guildid, x.messageid, x.emoji, x.userid });
                });

            migrationBuilder.CreateTable(
                name: "retentionruns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: false),
                    finishedat = table.Column<long>(type: "bigint", nullable: false),
                    cutoffat = table.Column<long>(type: "bigint", nullable: false),
                    deletedevents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retentionruns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "topcontentdaily",
                columns: table => new
                {
                    guildid = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    channelid = table.Column<long>(type: "bigint", nullable: false),
                    reactionscore = table.Column<long>(type: "bigint", nullable: false),
                    botreactionscore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_topcontentdaily", x => new { x.guildid, x.messageid });
                });

            migrationBuilder.CreateIndex(
                name: "ix_backfillruns_guildid_runid",
                table: "backfillruns",
                columns: new[] { "guildid", "runid" });

            migrationBuilder.CreateIndex(
                name: "ix_digests_guildid_createdat",
                table: "digests",
                columns: new[] { "guildid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "ix_digestschedules_nextrunat",
                table: "digestschedules",
                column: "nextrunat");

            migrationBuilder.CreateIndex(
                name: "ix_ingestiondeadletters_guildid_userid",
                table: "ingestiondeadletters",
                columns: new[] { "guildid", "userid" });

            migrationBuilder.CreateIndex(
                name: "ix_messagefacts_deleted",
                table: "messagefacts",
                columns: new[] { "guildid", "messageid" },
                filter: "\"deletedat\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messagefacts_guildid_threadid_createdat",
                table: "messagefacts",
                columns: new[] { "guildid", "threadid", "createdat" },
                filter: "\"threadid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_retentionruns_guildid_finishedat",
                table: "retentionruns",
                columns: new[] { "guildid", "finishedat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analyticsevents");

            migrationBuilder.DropTable(
                name: "backfillchannels");

            migrationBuilder.DropTable(
                name: "backfillruns");

            migrationBuilder.DropTable(
                name: "channeldailyrollups");

            migrationBuilder.DropTable(
                name: "channeldayquarterhours");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "digests");

            migrationBuilder.DropTable(
                name: "digestschedules");

            migrationBuilder.DropTable(
                name: "guilddailyrollups");

            migrationBuilder.DropTable(
                name: "guildretention");

            migrationBuilder.DropTable(
                name: "guilds");

            migrationBuilder.DropTable(
                name: "helpchanneloverrides");

            migrationBuilder.DropTable(
                name: "ingestiondeadletters");

            migrationBuilder.DropTable(
                name: "keyworddays");

            migrationBuilder.DropTable(
                name: "memberdailyrollups");

            migrationBuilder.DropTable(
                name: "memberprivacy");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "messagefacts");

            migrationBuilder.DropTable(
                name: "reactionclears");

            migrationBuilder.DropTable(
                name: "reactioncounts");

            migrationBuilder.DropTable(
                name: "reactionfacts");

            migrationBuilder.DropTable(
                name: "retentionruns");

            migrationBuilder.DropTable(
                name: "topcontentdaily");
        }
    }
}
