// Puts a page's canonical address (e.g. the dashboard's ?guildId=) into the address bar without a new
// history entry, but only while the browser is still on the address the server decided from. The check and
// the replace run in one browser task, so a link the person clicked meanwhile (already pushed by Blazor's
// navigation interception) always wins; a server-side NavigateTo(replace) would overwrite it instead.
// A page being left (a form post such as Sign out, a link outside Blazor) still shows its old address until
// the next page arrives, and replacing the address then would cancel that navigation: once the browser has
// started to leave, nothing is replaced.
window.discordAnalytics = window.discordAnalytics || {};
(() => {
    let leaving = false;
    let written = null;
    window.addEventListener('submit', event => {
        if (!event.defaultPrevented) {
            leaving = true;
        }
    });
    window.addEventListener('beforeunload', () => { leaving = true; });
    // Back from the back/forward cache: the page is shown again and is no longer being left.
    window.addEventListener('pageshow', () => { leaving = false; });

    window.discordAnalytics.replaceAddressIfStillAt = (expected, next) => {
        const here = window.location.href;
        if (leaving || (here !== expected && here !== written)) {
            return false;
        }

        written = next;
        Blazor.navigateTo(next, { replaceHistoryEntry: true });
        return true;
    };
})();
