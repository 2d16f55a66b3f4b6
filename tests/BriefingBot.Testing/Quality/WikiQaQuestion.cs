namespace BriefingBot.Testing.Quality;

/// <summary>A WikiQA question with the sentences of one Wikipedia summary paragraph as its candidates.</summary>
public sealed record WikiQaQuestion(string Id, string Question, string DocumentTitle, IReadOnlyList<WikiQaCandidate> Candidates)
{
    public bool HasAnswer => Candidates.Any(c => c.Correct);
}
