namespace BriefingBot.Core.Retrieval.Query;

/// <summary>A query after analysis: its searchable terms, the words the index does not know, and the question type.</summary>
public sealed record ParsedQuery(string Text, IReadOnlyList<QueryTerm> Terms, QuestionType Type)
{
    /// <summary>Content words with no match in the index, even allowing for typos. They count against confidence.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];

    /// <summary>
    /// Unknown words the user capitalised inside the question ("China", "Paris"): names the articles never mention.
    /// A question about a name no article contains cannot be answered from them.
    /// </summary>
    public IReadOnlyList<string> UnknownNames { get; init; } = [];

    /// <summary>Inverse frequency charged for each unknown word: that of the rarest possible word.</summary>
    public double UnknownWordIdf { get; init; }

    /// <summary>All the query's inverse-frequency mass, known and unknown; the denominator of coverage.</summary>
    public double TotalIdf => Terms.GroupBy(t => t.Surface).Sum(g => g.Max(t => t.Idf * t.Weight)) + (UnknownWords.Count * UnknownWordIdf);

    public bool IsEmpty => Terms.Count == 0;
}
