namespace BriefingBot.Core.Text;

/// <summary>
/// The one pipeline that turns text into terms, used for both the index and queries so they always agree:
/// tokenise (folded), mark stop words, stem.
/// </summary>
public static class TextAnalyzer
{
    public static IReadOnlyList<AnalyzedTerm> Analyze(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var terms = new AnalyzedTerm[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            terms[i] = new AnalyzedTerm(EnglishStemmer.Stem(token.Text), token, i, StopWords.Contains(token.Text));
        }

        return terms;
    }
}
