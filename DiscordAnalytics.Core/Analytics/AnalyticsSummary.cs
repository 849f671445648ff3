using System.Text.Json.Serialization;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.Voice;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The analytics summary, schema version 1 (docs/api.md): the stable contract the dashboard, the HTTP API
/// and the AI read. Ids are strings; times are epoch ms; lists are best first, ties by id ascending.
/// </summary>
public sealed record AnalyticsSummary(
    int SchemaVersion,
    string GuildId,
    string GuildName,
    SummaryWindow Window,
    Totals Totals,
    Totals PreviousTotals,
    IReadOnlyList<DailyActivity> Daily,
    IReadOnlyList<ChannelStat> TopChannels,
    IReadOnlyList<MemberStat> TopMembers,
    IReadOnlyList<ContentStat> TopContent,
    SupportSignals SupportSignals)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// What <see cref="PreviousTotals"/> covers: the previous window cut to the current window's elapsed time, and whether
    /// the guild has data from its start on (when not, no change is shown against it). Additive and optional like
    /// <see cref="Hourly"/>; see docs/how-it-counts.md.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PreviousWindow? PreviousWindow { get; init; }

    /// <summary>
    /// Messages per hour of the day in the guild's time zone (<c>window.timeZone</c>), all 24 hours; an additive, optional field of schema 1 (absent from
    /// the JSON when null, so readers of the original contract are unaffected). See <see cref="HourlyActivityQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HourlyActivity>? Hourly { get; init; }

    /// <summary>
    /// Members whose messages grew most against the previous window; additive and optional like <see cref="Hourly"/>.
    /// See <see cref="RisingMembersQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RisingMember>? RisingMembers { get; init; }

    /// <summary>
    /// Joins, leaves and net growth per day with totals against the previous window; additive and optional like
    /// <see cref="Hourly"/>. See <see cref="MemberGrowthQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MemberGrowth? MemberGrowth { get; init; }

    /// <summary>
    /// Whether the members who joined in the window posted within 24 hours / 7 days; additive and optional like
    /// <see cref="Hourly"/>. See <see cref="NewMemberActivationQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NewMemberActivation? Activation { get; init; }

    /// <summary>
    /// DAU, WAU, MAU and stickiness per day of the window; additive and optional like <see cref="Hourly"/>. See
    /// <see cref="EngagementQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EngagementSeries? Engagement { get; init; }

    /// <summary>Terms whose share of the window's messages rose most; additive and optional like <see cref="Hourly"/>. See <see cref="TrendingTopicsQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrendingTopic>? TrendingTopics { get; init; }

    /// <summary>Voice and stage channels by voice minutes, with the previous window's; additive and optional like <see cref="Hourly"/>. See <see cref="VoiceQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VoiceChannelStat>? TopVoiceChannels { get; init; }

    /// <summary>Voice minutes per hour of the day in the guild's time zone, all 24 hours; additive and optional like <see cref="Hourly"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HourlyVoice>? HourlyVoice { get; init; }

    /// <summary>
    /// Members present in the window who neither posted, reacted nor talked in it, with how many members are known;
    /// additive and optional like <see cref="Hourly"/>. See <see cref="LurkersQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LurkerCount? Lurkers { get; init; }

    /// <summary>Messages by kind (attachments, links, replies, mentions, average length); additive and optional like <see cref="Hourly"/>. See <see cref="MessageKindsQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MessageKindStats? MessageKinds { get; init; }

    /// <summary>The same over the whole previous window of equal length; present whenever <see cref="MessageKinds"/> is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MessageKindStats? PreviousMessageKinds { get; init; }

    /// <summary>The window's most used reaction emojis; additive and optional like <see cref="Hourly"/>. See <see cref="TopEmojisQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EmojiStat>? TopEmojis { get; init; }

    /// <summary>The window's most used emojis typed in messages (each use counts); additive and optional like <see cref="Hourly"/>. See <see cref="TopEmojisQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EmojiStat>? TopMessageEmojis { get; init; }

    /// <summary>Each role's holders in the window and how active they were; additive and optional like <see cref="Hourly"/>. See <see cref="RolesQuery"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RoleStat>? Roles { get; init; }

    /// <summary>Role holdings gained and lost per day of the window; present whenever <see cref="Roles"/> is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RoleChangeDay>? RoleChanges { get; init; }

    /// <summary>The role the summary was asked about (<c>roleId=</c>) and which fields are its holders'; absent without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RoleFilter? RoleFilter { get; init; }

    /// <summary>From when members' roles are exact (the first complete member list, epoch ms); absent before one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RolesExactFrom { get; init; }
    /// <summary>
    /// Invites by the joins of the window they brought (code null: unknown), with how many of those members posted within 7
    /// days and were still members after 30; cut to <c>top</c>. Additive and optional like <see cref="Hourly"/>. See <see cref="InvitesQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InviteStat>? Invites { get; init; }

    /// <summary>The same per inviter (hidden and forgotten inviters counted in one row without id); cut to <c>top</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InviterStat>? Inviters { get; init; }

    /// <summary>Whether the guild's invites can be read (<c>missing_permission</c> names <c>Manage Server</c>); present whenever <see cref="Invites"/> is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InviteTrackingStatus? InvitesStatus { get; init; }

    /// <summary>
    /// Mentor candidates: who answered the window's help threads and questions first, most often, with reactions on those
    /// answers; hidden members never listed; at most 10. Additive and optional like <see cref="Hourly"/>. See <see cref="Mentors.MentorsQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Mentors.MentorStat>? Mentors { get; init; }

    /// <summary>
    /// The office-hours draft for the busiest weekday + hour of question activity over the last 28 days, the same
    /// computation as <c>GET .../office-hours/draft</c>, so the insights' office-hours action names the draft's slot.
    /// Additive and optional like <see cref="Hourly"/>. See <see cref="Loops.OfficeHours.OfficeHoursDraftQuery"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Loops.OfficeHours.OfficeHoursDraft? OfficeHours { get; init; }
}
