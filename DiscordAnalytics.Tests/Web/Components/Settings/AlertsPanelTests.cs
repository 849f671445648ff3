using Bunit;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>
/// The alerts panel over the seeded world in demo mode, through the real services: settings saved from the form and
/// read back, a bad number refused with the reason, a paused setting showing why, the preview listing what would be
/// posted, and the history newest first, a page at a time.
/// </summary>
public sealed class AlertsPanelTests : DashboardTestContext
{
    private async Task<IRenderedComponent<AlertsPanel>> RenderSeededAsync()
    {
        await SeedWorldAsync();
        return Render<AlertsPanel>(p => p.Add(c => c.GuildId, World.Guild));
    }

    [Fact]
    public async Task Save_FromTheForm_StoresTheSettings()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForElement("[data-testid=alerts-channel]").Change(World.General.ToString());
        cut.Find("[data-testid=alerts-role]").Change("930000000000000001");
        cut.Find("[data-testid=alerts-unanswered]").Change(true);
        cut.Find("[data-testid=alerts-hours]").Change("6");
        cut.Find("[data-testid=alerts-drop]").Change(true);
        cut.Find("[data-testid=alerts-days]").Change("1");
        cut.Find("[data-testid=alerts-quiet-start]").Change("22");
        cut.Find("[data-testid=alerts-quiet-end]").Change("7");
        cut.Find("[data-testid=alerts-enabled] input").Change(true);

        cut.Find("[data-testid=alerts-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: alerts on.", cut.Find("[data-testid=alerts-message]").TextContent.Trim()));
        var stored = (await Services.GetRequiredService<AlertSettingsStore>().GetAsync((long)World.Guild, CancellationToken.None))!;
        Assert.Equal(
            (true, World.General.ToString(), "930000000000000001", true, 6, false, true, 1, 22, 7),
            (stored.Enabled, stored.ChannelId, stored.MentionRoleId, stored.UnansweredEnabled, stored.UnansweredHours, stored.BacklogEnabled, stored.DropEnabled, stored.DropDays, stored.QuietStartHour, stored.QuietEndHour));
        Assert.Equal("6", cut.Find("[data-testid=alerts-hours]").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_HoursOutOfRange_SaysWhyAndStoresNothing()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForElement("[data-testid=alerts-channel]").Change(World.General.ToString());
        cut.Find("[data-testid=alerts-hours]").Change("30");

        cut.Find("[data-testid=alerts-save]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: unansweredHours must be", cut.Find("[data-testid=alerts-message]").TextContent.Trim()));
        Assert.Equal(AlertSettingsView.Default, await Services.GetRequiredService<AlertSettingsStore>().GetAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Render_PausedWithHistory_ShowsTheReasonPreviewAndPagedHistory()
    {
        await SeedWorldAsync();
        await using (var db = Store.CreateDbContext())
        {
            db.AlertSettings.Add(new AlertSettings
            {
                GuildId = (long)World.Guild,
                ChannelId = (long)World.General,
                UnansweredEnabled = true,
                Status = AlertsStatus.Paused,
                StatusMessage = "Discord refused (403, code 50013): give the bot View Channel and Send Messages.",
            });
            for (var i = 0; i < AlertsPanel.HistoryPageSize + 2; i++)
            {
                db.AlertHistory.Add(new AlertRecord
                {
                    GuildId = (long)World.Guild,
                    Kind = AlertKind.Unanswered,
                    Target = $"thread:{i}",
                    Text = $"A help thread in <#1> has had no answer for more than 4 hours: alert {i}",
                    DueAt = At(0) + i,
                    Result = i == 0 ? AlertResult.Held : AlertResult.Sent,
                });
            }

            await db.SaveChangesAsync();
        }

        var cut = Render<AlertsPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal("Status: paused: Discord refused (403, code 50013): give the bot View Channel and Send Messages.", cut.Find("[data-testid=alerts-status]").TextContent.Trim()));
        Assert.Equal(AlertsPanel.HistoryPageSize, cut.FindAll("[data-testid=alerts-history-entry]").Count);
        Assert.Equal("Page 1 of 2", cut.Find("[data-testid=alerts-history-page]").TextContent.Trim());
        Assert.Contains("alert 11", cut.FindAll("[data-testid=alerts-history-entry]")[0].TextContent);

        cut.Find("[data-testid=alerts-history-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["sent", "held"], cut.FindAll("[data-testid=history-result]").Select(e => e.TextContent.Trim())));

        cut.Find("[data-testid=alerts-preview]").Click();
        cut.WaitForAssertion(() => Assert.Equal("unanswered (held): A help thread in <#1> has had no answer for more than 4 hours: alert 0", cut.Find("[data-testid=alerts-preview-item]").TextContent.Trim()));
    }
}
