namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>A batch's changes to one member-day rollup row.</summary>
internal sealed class MemberDelta
{
    public bool IsBot;
    public long Messages;
    public long Reactions;
    public long Threads;
    public long VoiceMs;
    public long TalkMs;
}
