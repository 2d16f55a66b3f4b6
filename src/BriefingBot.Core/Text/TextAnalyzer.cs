namespace BriefingBot.Core.Text;

/// <summary>
/// The one pipeline that turns text into terms, used for both the index and queries so they always agree:
/// tokenise (folded), mark stop words, stem.
/// </summary>
public static class TextAnalyzer
{
    public static IReadOnlyList<AnalyzedTerm> Analyze(string text)
    {
        var terms = new List<AnalyzedTerm>();
        Analyze(text, terms, new TermCache());
        return terms;
    }

    /// <summary>
    /// Appends the terms of <paramref name="text"/> to <paramref name="output"/> (positions start at 0 for this text).
    /// The index's fast path: reuse one list and one <see cref="TermCache"/> per worker, and repeated words cost a
    /// dictionary lookup instead of a string, a stem and a stop-word check.
    /// </summary>
    public static void Analyze(string text, List<AnalyzedTerm> output, TermCache cache)
    {
        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        var position = 0;
        var index = 0;
        while (Tokenizer.TryReadToken(text, ref position, buffer, out var start, out var length, out var foldedLength))
        {
            var term = cache.Get(buffer[..foldedLength]);
            output.Add(new AnalyzedTerm(term.Stem, new Token(term.Folded, start, length), index++, term.IsStopWord));
        }
    }
}
