using BriefingBot.Commands.Replies;
using BriefingBot.Core.Digest;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// A scheduled digest ready to send. <see cref="Marker"/> is what the subscription's marker becomes once it is
/// delivered; <see cref="Ready"/> is false (with <see cref="NotReadyReason"/>) when there is nothing to build from yet.
/// </summary>
public sealed record DigestPost(Reply Message, DigestEdition? Edition, DateTimeOffset Marker)
{
    public bool Ready => NotReadyReason is null;

    public string? NotReadyReason { get; init; }
}
