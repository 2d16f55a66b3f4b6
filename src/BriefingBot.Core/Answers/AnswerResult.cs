namespace BriefingBot.Core.Answers;

/// <summary>
/// The outcome of a question. When <see cref="Answered"/> is false the articles do not answer it confidently:
/// <see cref="Answers"/> is empty and <see cref="Suggestions"/> lists the closest articles instead.
/// </summary>
public sealed record AnswerResult(string Question, bool Answered, IReadOnlyList<Answer> Answers)
{
    public IReadOnlyList<ArticleSuggestion> Suggestions { get; init; } = [];

    /// <summary>Typed words the engine read as others ("psycological" → "psychological").</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>Words of the question that appear nowhere in the articles.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];
}
