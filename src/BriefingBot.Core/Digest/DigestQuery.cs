namespace BriefingBot.Core.Digest;

/// <summary>What a digest should cover: articles newer than <see cref="Since"/>, or the latest ones when none are.</summary>
public sealed record DigestQuery
{
    /// <summary>Only articles dated (or first seen) after this; null means "the latest".</summary>
    public DateTimeOffset? Since { get; init; }

    public int MaxItems { get; init; } = 10;

    /// <summary>When nothing is new since <see cref="Since"/>, fall back to the latest articles instead of an empty digest.</summary>
    public bool FallBackToLatest { get; init; } = true;
}
