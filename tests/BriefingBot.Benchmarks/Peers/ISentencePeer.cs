namespace BriefingBot.Benchmarks.Peers;

/// <summary>
/// A search library indexed over a list of sentences, as the speed run and the evaluations drive it: one interface so
/// every peer is timed and scored by the same loop, and a new evaluation can take any of them.
/// </summary>
public interface ISentencePeer : IDisposable
{
    /// <summary>Positions in the indexed list of the <paramref name="k"/> best sentences for the question, best first.</summary>
    IReadOnlyList<int> Search(string question, int k = 3);
}
