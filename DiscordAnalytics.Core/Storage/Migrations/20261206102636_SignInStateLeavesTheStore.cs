using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiscordAnalytics.Core.Storage.Migrations
{
    /// <summary>
    /// The analytics model no longer maps <c>adminCredentials</c>: sign-in state moved to the Web project's own
    /// context (AuthDbContext, history in <c>__AuthMigrationsHistory</c>), which adopts the table as it is. Nothing
    /// is dropped here, in either direction: the admin credential in the table must survive the move.
    /// </summary>
    public partial class SignInStateLeavesTheStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
