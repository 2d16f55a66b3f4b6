using BriefingBot.Core.Text;

namespace BriefingBot.Benchmarks.Peers;

/// <summary>
/// The words of a question every lexical peer is given: our analyser's non-stop words, each once, as typed. Sharing
/// one list keeps the peers comparable with each other: a difference in their figures is their ranking, not a
/// different reading of the question.
/// </summary>
public static class ContentWords
{
    public static IReadOnlyList<string> Of(string question)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Analyze(question))
        {
            if (!term.IsStopWord && term.Stem.Length > 0 && seen.Add(term.Token.Text))
            {
                words.Add(term.Token.Text);
            }
        }

        return words;
    }
}
