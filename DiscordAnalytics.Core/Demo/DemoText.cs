using System.Collections.Immutable;
using System.Text;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Short, plausible English for the demo's messages, with the words a support-signal feature looks for
/// (refund, login, error, deploy, timeout...). Templates fill <c>{slot}</c>s from small word lists.
/// </summary>
internal static class DemoText
{
    private static readonly ImmutableArray<string> General =
    [
        "morning all, coffee first then charts", "anyone else watching the {event} stream tonight?",
        "that {thing} meme in #memes killed me", "just got back from vacation, what did I miss?",
        "good night everyone, see you tomorrow", "this community is honestly the best part of my day",
        "happy friday! any plans for the weekend?", "finally fixed my desk setup, two monitors now",
        "lol same", "agreed, {thing} is underrated", "does anyone here use {tool} for notes?",
        "welcome back! long time no see", "thanks for the tip yesterday, it worked",
        "quick poll: tabs or spaces?", "I need a new keyboard, recommendations?",
        "who's joining the voice hangout later?", "gm gm", "that's a great point tbh",
        "the new {feature} is really nice, thanks team", "reading the rules again, are links to {tool} ok?",
    ];

    private static readonly ImmutableArray<string> Trading =
    [
        "{ticker} breaking out above resistance, volume looks real", "took profit on {ticker} at +{n}%, not greedy today",
        "anyone watching {ticker} into earnings?", "stopped out on {coin}, risk management saved me again",
        "CPI tomorrow, I'm flat until the number is out", "{coin} funding rates look stretched, careful with longs",
        "my backtest says {n}% win rate but the drawdown is ugly", "what's your position sizing rule?",
        "{ticker} gap fill played out perfectly", "theta gang checking in, sold {ticker} puts again",
        "is the {ticker} dip a buy or a falling knife?", "journal update: {n} trades this week, 3 losers, all small",
        "the spread on {coin} is wild on this exchange", "fed minutes at 2pm, expect chop",
        "love this setup on {ticker}, daily and weekly aligned", "who else trades the open? first 30 min is chaos",
    ];

    private static readonly ImmutableArray<string> Dev =
    [
        "getting a null reference error in my {lang} bot, stack trace in thread", "finally got the websocket reconnect working",
        "anyone using {tool} with {lang}? worth it?", "our deploy pipeline takes {n} minutes, how do I speed it up?",
        "PR is up for the backtester refactor, reviews welcome", "rate limit errors from the exchange API again",
        "switched the strategy engine to {lang} and it's {n}x faster", "how do you store tick data? sqlite is choking",
        "tests pass locally but fail in CI, classic", "docker build keeps timing out on the restore step",
        "what's the best way to handle api key rotation?", "wrote a tiny {lang} lib for order book diffs, feedback?",
        "the webhook retries are double posting, any idea why?", "deploy to staging went fine, prod tomorrow",
        "is anyone else getting 502 errors from the data feed?", "memory leak found: we never disposed the timer",
    ];

    private static readonly ImmutableArray<string> SupportQuestions =
    [
        "Can't login after the update, it says invalid token", "Getting error {code} when I connect my exchange account",
        "How do I request a refund for my annual plan?", "Deploy fails with a timeout on the build step",
        "Password reset email never arrives", "Webhook alerts stopped working since yesterday",
        "API returns 401 even with a fresh api key", "Charts not loading, stuck on a spinner",
        "Two-factor code rejected every time", "Bot crashes with an out of memory error on start",
        "Billing charged me twice this month", "Backtest results differ from live trading, why?",
        "Can't connect to the websocket, connection reset", "Export to CSV gives an empty file",
        "Error {code} after upgrading to v{version}", "Login loop on mobile, keeps asking for the password",
    ];

    private static readonly ImmutableArray<string> SupportAnswers =
    [
        "Try logging out everywhere and log in again, that refreshes the token",
        "Error {code} usually means the api key lacks trade permission, regenerate it with that scope",
        "Refunds go through billing@, they usually answer within a day",
        "Bump the build timeout to 20 minutes, the restore step is slow on the free runners",
        "Check your spam folder, the reset mail comes from no-reply",
        "The webhook url changed in v{version}, update it in settings",
        "Same here, fixed it by clearing the cache", "Can you share the full error message? Hard to tell otherwise",
        "That's a known bug, fix ships in the next deploy", "Works for me on v{version}, which version are you on?",
        "Make sure your clock is synced, 2FA codes depend on it",
        "The data feed had an outage earlier, should be fine now",
    ];

    private static readonly ImmutableArray<string> SupportBumps =
    [
        "any ideas? still stuck", "bump, still getting the error", "anyone? tried everything in the docs",
    ];

    private static readonly ImmutableArray<string> Billing =
    [
        "how long does a refund usually take?", "is there a student discount on the pro plan?",
        "my invoice shows the wrong company name", "upgraded to annual but still see monthly billing",
        "the payment failed but my card is fine", "can I pause my subscription over the summer?",
    ];

    private static readonly ImmutableArray<string> FeatureRequests =
    [
        "Dark mode for the mobile charts", "Export trades to CSV with fees included", "Webhook alerts for {ticker} options flow",
        "Let us set custom alert sounds", "API endpoint for historical funding rates", "Keyboard shortcuts in the order panel",
    ];

    private static readonly ImmutableArray<string> Introductions =
    [
        "hi everyone! {lang} dev, trading part time, excited to learn", "hey all, found this server through a friend",
        "hello from Berlin, mostly into {coin} and algo stuff", "new here, day job is backend, nights are charts",
        "hi! total beginner, reading the pinned resources now", "hey, long time lurker, finally joined",
    ];

    private static readonly ImmutableArray<string> Announcements =
    [
        "Release v{version} is live: faster charts, new alert builder and a pile of fixes. Full changelog in #changelog",
        "Community call this Thursday 18:00 UTC: roadmap, Q&A and a live strategy review. Bring questions!",
        "We just passed 500 members! Thank you all, giveaway details inside",
        "Scheduled maintenance Sunday 02:00-03:00 UTC, login and api may be unavailable",
        "New channel: #code-review. Post your bots and get feedback from the dev team",
        "Trading competition starts Monday: paper accounts, top 3 win a year of pro",
    ];

    private static readonly ImmutableArray<string> Titles =
    [
        "login fails after update", "refund question", "error {code} on connect", "deploy timeout help",
        "websocket keeps disconnecting", "api key not working", "backtest vs live mismatch", "billing issue",
        "feature idea: {feature}", "charts blank on firefox", "how to set trailing stops", "2FA problems",
    ];

    private static readonly ImmutableArray<string> Tickers = ["SPY", "QQQ", "NVDA", "TSLA", "AAPL", "AMD", "MSFT", "META", "AMZN", "PLTR"];
    private static readonly ImmutableArray<string> Coins = ["BTC", "ETH", "SOL", "XRP", "DOGE", "LINK"];
    private static readonly ImmutableArray<string> Languages = ["Python", "C#", "Rust", "TypeScript", "Go", "Java"];
    private static readonly ImmutableArray<string> Tools = ["Obsidian", "TradingView", "Notion", "VS Code", "Jupyter", "Grafana"];
    private static readonly ImmutableArray<string> Things = ["cat", "keyboard", "chart", "bull", "bear", "rocket"];
    private static readonly ImmutableArray<string> Features = ["alert builder", "dark mode", "order panel", "watchlist sync", "mobile app"];
    private static readonly ImmutableArray<string> Events = ["FOMC", "earnings", "dev", "AMA", "launch"];
    private static readonly ImmutableArray<string> EditNotes =
        ["nvm, found it", "forgot the link", "wrong channel, sorry", "updated", "see pinned", "typo", "+ screenshot", "thx all"];
    private static readonly ImmutableArray<string> Codes = ["401", "403", "429", "500", "502", "E1042", "ECONNRESET"];

    public static string Message(DemoTopic topic, DemoRandom random) => Fill(Pick(TemplatesOf(topic), random), random);

    public static string Question(DemoRandom random) => Fill(Pick(SupportQuestions, random), random);

    public static string Answer(DemoRandom random) => Fill(Pick(SupportAnswers, random), random);

    public static string Bump(DemoRandom random) => Pick(SupportBumps, random);

    public static string Title(DemoTopic topic, DemoRandom random) =>
        topic == DemoTopic.FeatureRequests ? Fill(Pick(FeatureRequests, random), random) : Fill(Pick(Titles, random), random);

    public static string Announcement(DemoRandom random) => Fill(Pick(Announcements, random), random);

    public static string ThreadName(string excerpt) => excerpt.Length <= 40 ? excerpt : excerpt[..40].TrimEnd() + "...";

    /// <summary>
    /// The message as edited: one of several afterthoughts, picked by the text's length (so the demo's random stream
    /// is not touched). One shared note made its words ("fixed", "typo") the demo's top keywords.
    /// </summary>
    public static string Edited(string excerpt) => Clip($"{excerpt} ({EditNotes[excerpt.Length % EditNotes.Length]})");

    public static string MarketAlert(DemoRandom random) =>
        Fill(random.Chance(0.5) ? "{ticker} crossed its 20-day high, volume {n}% above average" : "{coin} moved {n}% in the last hour", random);

    public static string DeployNotice(DemoRandom random) =>
        Fill(random.Chance(0.85) ? "Deploy v{version} to production succeeded in {n}m" : "Deploy v{version} failed: error in migration step, rolled back", random);

    public static string Welcome(string name) => Clip($"Welcome {name}! Read #rules and say hi in #introductions");

    public static string ModLog(string channelName) => Clip($"Removed a message in #{channelName}: spam link");

    private static ImmutableArray<string> TemplatesOf(DemoTopic topic) => topic switch
    {
        DemoTopic.Trading => Trading,
        DemoTopic.Dev => Dev,
        DemoTopic.Support => SupportQuestions,
        DemoTopic.Billing => Billing,
        DemoTopic.FeatureRequests => FeatureRequests,
        DemoTopic.Introductions => Introductions,
        DemoTopic.Announcements => Announcements,
        _ => General,
    };

    private static string Pick(ImmutableArray<string> items, DemoRandom random) => items[random.Next(items.Length)];

    private static string Fill(string template, DemoRandom random)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, i, open - i);
            builder.Append(Slot(template.AsSpan(open + 1, close - open - 1), random));
            i = close + 1;
        }

        return Clip(builder.ToString());
    }

    private static string Slot(ReadOnlySpan<char> name, DemoRandom random) => name switch
    {
        "ticker" => Pick(Tickers, random),
        "coin" => Pick(Coins, random),
        "lang" => Pick(Languages, random),
        "tool" => Pick(Tools, random),
        "thing" => Pick(Things, random),
        "feature" => Pick(Features, random),
        "event" => Pick(Events, random),
        "code" => Pick(Codes, random),
        "n" => (random.Next(2, 40)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "version" => $"2.{random.Next(10, 30)}.{random.Next(0, 9)}",
        _ => string.Empty,
    };

    internal static string Clip(string text) =>
        text.Length <= Ingestion.IngestEvent.MaxExcerptLength ? text : text[..Ingestion.IngestEvent.MaxExcerptLength];
}
