using BriefingBot.Core.Articles;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Core.Store;

/// <summary>What a reload did, in terms a moderator cares about.</summary>
public sealed record ReloadReport(ReloadStatus Status)
{
    public IReadOnlyList<string> Added { get; init; } = [];

    public IReadOnlyList<string> Changed { get; init; } = [];

    public IReadOnlyList<string> Removed { get; init; } = [];

    public IReadOnlyList<LoadProblem> Skipped { get; init; } = [];

    /// <summary>Files that failed this time but had loaded before: their previous articles keep serving.</summary>
    public IReadOnlyList<string> KeptPrevious { get; init; } = [];

    public int ArticleCount { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Why the whole reload failed, when <see cref="Status"/> is <see cref="ReloadStatus.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>How many of the new snapshot's sentences have meaning vectors already; null when meaning is off.</summary>
    public EmbeddingProgress? Vectors { get; init; }
}
