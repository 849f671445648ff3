// Puts a page's canonical address (e.g. the dashboard's ?guildId=) into the address bar without a new
// history entry, but only while the browser is still on the address the server decided from. The check and
// the replace run in one browser task, so a link the person clicked meanwhile (already pushed by Blazor's
// navigation interception) always wins; a server-side NavigateTo(replace) would overwrite it instead.
window.discordAnalytics = window.discordAnalytics || {};
window.discordAnalytics.replaceAddressIfStillAt = (expected, next) => {
    if (window.location.href !== expected) {
        return false;
    }

    Blazor.navigateTo(next, { replaceHistoryEntry: true });
    return true;
};
