using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscordAnalytics.Web.Api;

/// <summary>One digest: its history entry, Markdown, the summary it was built from, and (after a post) how many messages that request sent.</summary>
public sealed record DigestDetail(
    [property: JsonIgnore] DigestEntry Entry,
    string Markdown,
    JsonElement Summary,
    string Generator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SentNow)
{
    // The entry's fields at the top level of the JSON, beside markdown and summary.
    public long Id => Entry.Id;

    public string GuildId => Entry.GuildId;

    public long CreatedAt => Entry.CreatedAt;

    public long WindowStartAt => Entry.WindowStartAt;

    public long WindowEndAt => Entry.WindowEndAt;

    public string Status => Entry.Status;

    public bool Scheduled => Entry.Scheduled;

    public string? PostedChannelId => Entry.PostedChannelId;

    public IReadOnlyList<string> PostedMessageIds => Entry.PostedMessageIds;

    public long? PostedAt => Entry.PostedAt;

    public string? LastError => Entry.LastError;
}
