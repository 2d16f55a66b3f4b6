namespace BriefingBot.Testing.Quality;

/// <summary>
/// One question of our own news question set (tests/data/newsqa): how a reader would ask it, and, when the collection
/// answers it, verbatim phrases of the answering sentence(s).
/// </summary>
public sealed record NewsQaQuestion(string Id, string Question, bool Answerable, IReadOnlyList<string> Answers)
{
    /// <summary>bbc, cnndm or reuters; null for an unanswerable question.</summary>
    public string? Source { get; init; }

    /// <summary>The dataset's own id of the answering article.</summary>
    public string? DocId { get; init; }

    /// <summary>who, what, when, where, why, howmany, howmuch, yesno, keyword, how.</summary>
    public string? Type { get; init; }

    public bool Typo { get; init; }

    /// <summary>off-topic or near-miss, for unanswerable questions.</summary>
    public string? Kind { get; init; }

    /// <summary>Whether <paramref name="sentence"/> contains one of the answer phrases (case and spacing aside).</summary>
    public bool IsAnsweredBy(string sentence)
    {
        var text = NewsQaDataset.Normalize(sentence);
        return Answers.Any(a => text.Contains(NewsQaDataset.Normalize(a), StringComparison.Ordinal));
    }
}
