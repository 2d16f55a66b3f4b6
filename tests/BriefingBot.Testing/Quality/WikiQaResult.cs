namespace BriefingBot.Testing.Quality;

/// <summary>
/// WikiQA answer selection (MAP, MRR over questions with a correct sentence) and answer triggering over all questions:
/// at a confidence threshold, "answered" means the engine would reply; a correct trigger is an answered question whose
/// chosen sentence is correct (Yang et al. 2015: precision over answered, recall over questions that have an answer).
/// </summary>
public sealed record WikiQaResult(int Questions, double Map, double Mrr)
{
    public int AllQuestions { get; init; }

    public IReadOnlyList<TriggerPoint> Triggering { get; init; } = [];
}
