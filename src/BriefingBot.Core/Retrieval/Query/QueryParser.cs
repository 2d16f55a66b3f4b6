using System.Collections.Frozen;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval.Query;

/// <summary>Turns what a user typed into a <see cref="ParsedQuery"/> against one index, correcting typos on the way.</summary>
public static class QueryParser
{
    private const int MinimumTail = 4;
    private const double CompoundWeight = 0.5;
    private const double FocusWeight = 0.5;
    private const double RelatedFormWeight = 0.6;
    private const int MinimumRelatedLength = 5;
    private const int MaxRelatedExtension = 3;
    private const int MaxDefinedWords = 4;

    /// <summary>
    /// Words that shape a question without saying what it is about ("what happened", "what did he say about").
    /// Searching for them would only charge the question for words no article needs to contain.
    /// </summary>
    private static readonly FrozenSet<string> QuestionFiller = new[]
    {
        "happen", "happened", "happening", "happens", "mean", "means", "meant", "tell", "tells", "know", "knows", "think",
        "describe", "explain", "thing", "things", "something", "anything", "kind", "sort", "please", "exactly", "really",
        "actually", "say", "says", "said", "saying", "question", "anyone", "someone", "somebody", "anybody",
        "article", "articles", "news", "story", "stories", "mention", "mentioned", "mentions", "talk", "talked", "talks",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static ParsedQuery Parse(SearchIndex index, string text)
    {
        var analysed = TextAnalyzer.Analyze(text);
        var type = ClassifyQuestion(analysed);
        var sentenceCount = Math.Max(1, index.SentenceCount);
        var terms = new List<QueryTerm>();
        var unknown = new List<string>();
        var unknownNames = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var focus = FocusPosition(analysed);
        foreach (var term in analysed)
        {
            if (term.IsStopWord || term.Stem.Length == 0 || QuestionFiller.Contains(term.Token.Text) || !seen.Add(term.Token.Text))
            {
                continue;
            }

            var id = index.TermId(term.Stem);
            if (id < 0 && index.SurfaceForms.TryGetValue(term.Token.Text, out var surfaceId))
            {
                id = surfaceId;
            }

            if (id >= 0)
            {
                terms.Add(new QueryTerm(term.Stem, id, term.Token.Text, 1.0, Idf(index, id, sentenceCount)));
                AddRelatedForms(index, term.Token.Text, terms, sentenceCount);
                continue;
            }

            // The noun right after "which"/"what" names the kind of answer ("which newspaper"). When no article
            // uses that word, the answer says it another way ("the Washington Times"): it must not count as a
            // topic the articles lack.
            var isFocus = term.Position == focus;
            var weight = isFocus ? FocusWeight : 1.0;

            var irregular = IrregularForms.Of(term.Token.Text).Where(index.SurfaceForms.ContainsKey).ToArray();
            if (irregular.Length > 0)
            {
                foreach (var form in irregular)
                {
                    var formId = index.SurfaceForms[form];
                    terms.Add(new QueryTerm(index.TermNames[formId], formId, term.Token.Text, weight, Idf(index, formId, sentenceCount)) { CorrectedTo = form });
                }

                continue;
            }

            var corrections = index.Corrector.Correct(term.Token.Text);
            if (corrections.Count == 0 && CompoundTail(index, term.Token.Text) is { } tail)
            {
                terms.Add(new QueryTerm(index.TermNames[tail.TermId], tail.TermId, term.Token.Text, CompoundWeight * weight, Idf(index, tail.TermId, sentenceCount)) { CorrectedTo = tail.Word });
                continue;
            }

            if (corrections.Count == 0 && isFocus)
            {
                continue;
            }

            if (corrections.Count == 0)
            {
                unknown.Add(term.Token.Text);
                if (term.Token.Start > 0 && char.IsUpper(text[term.Token.Start]))
                {
                    unknownNames.Add(text.Substring(term.Token.Start, term.Token.Length));
                }

                continue;
            }

            foreach (var (word, termId, similarity) in corrections)
            {
                var stem = index.TermNames[termId];
                terms.Add(new QueryTerm(stem, termId, term.Token.Text, similarity * similarity * weight, Idf(index, termId, sentenceCount)) { CorrectedTo = word });
            }
        }

        return new ParsedQuery(text, terms, type)
        {
            UnknownWords = unknown,
            UnknownNames = unknownNames,
            UnknownWordIdf = Math.Log(1 + ((sentenceCount - 0.5) / 1.5)),
        };
    }

    /// <summary>
    /// Forms the stemmer keeps apart but a reader would not: irregular verbs ("leave", "left"), and "Korea" and
    /// "Korean", "nation" and "national", "Syrian" and "Syria". Index words that extend the word (or that it extends) by up to three letters count,
    /// at reduced weight, so an answer need not use the question's exact form.
    /// </summary>
    private static void AddRelatedForms(SearchIndex index, string word, List<QueryTerm> terms, int sentenceCount)
    {
        if (word.Any(char.IsDigit))
        {
            return;
        }

        // The word's own term was added last; each related term once, and never that one again.
        var first = terms.Count - 1;
        foreach (var form in IrregularForms.Of(word))
        {
            if (index.SurfaceForms.TryGetValue(form, out var id))
            {
                AddRelated(index, terms, first, word, form, id, sentenceCount);
            }
        }

        if (word.Length < MinimumRelatedLength)
        {
            return;
        }

        foreach (var longer in index.Vocabulary.WithPrefix(word))
        {
            if (longer.Length - word.Length is > 0 and <= MaxRelatedExtension && index.SurfaceForms.TryGetValue(longer, out var id))
            {
                AddRelated(index, terms, first, word, longer, id, sentenceCount);
            }
        }

        var surfaces = index.SurfaceForms.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var cut = 1; cut <= MaxRelatedExtension && word.Length - cut >= MinimumRelatedLength; cut++)
        {
            if (surfaces.TryGetValue(word.AsSpan(0, word.Length - cut), out var shorter, out var id))
            {
                AddRelated(index, terms, first, word, shorter, id, sentenceCount);
            }
        }
    }

    private static void AddRelated(SearchIndex index, List<QueryTerm> terms, int first, string word, string form, int id, int sentenceCount)
    {
        for (var i = first; i < terms.Count; i++)
        {
            if (terms[i].TermId == id)
            {
                return;
            }
        }

        terms.Add(new QueryTerm(index.TermNames[id], id, word, RelatedFormWeight, Idf(index, id, sentenceCount)) { CorrectedTo = form });
    }

    /// <summary>
    /// An unknown compound often ends in a known word: "newspaper" → "paper", "warplanes" → "planes".
    /// The longest known tail of at least four letters stands in for it, at reduced weight.
    /// </summary>
    private static (string Word, int TermId)? CompoundTail(SearchIndex index, string word)
    {
        for (var start = 3; word.Length - start >= MinimumTail; start++)
        {
            var tail = word[start..];
            if (index.SurfaceForms.TryGetValue(tail, out var id))
            {
                return (tail, id);
            }
        }

        return null;
    }

    /// <summary>BM25's inverse document frequency over sentences (Lucene's form, always positive).</summary>
    internal static double Idf(SearchIndex index, int termId, int sentenceCount)
    {
        var df = index.SentencePostings.Count(termId);
        return Math.Log(1 + ((sentenceCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>Position of the word right after a leading "which" or "what", when it is a content word; else -1.</summary>
    private static int FocusPosition(IReadOnlyList<AnalyzedTerm> terms)
    {
        for (var i = 0; i + 1 < Math.Min(terms.Count, 4); i++)
        {
            if (terms[i].Token.Text is "which" or "what" && !terms[i + 1].IsStopWord)
            {
                return terms[i + 1].Position;
            }
        }

        return -1;
    }

    /// <summary>
    /// "what is/are/was/were [a|an|the] X" where X is a short name and nothing more: a question asking for the
    /// definition. "What is the capital of France" goes on past the name ("of France") and asks for a fact instead.
    /// </summary>
    private static bool IsDefinition(IReadOnlyList<AnalyzedTerm> terms, int what)
    {
        var at = what + 1;
        if (at >= terms.Count || terms[at].Token.Text is not ("is" or "are" or "was" or "were"))
        {
            return false;
        }

        at++;
        if (at < terms.Count && terms[at].Token.Text is "a" or "an" or "the")
        {
            at++;
        }

        var rest = terms.Count - at;
        return rest is > 0 and <= MaxDefinedWords && terms.Skip(at).All(t => !t.IsStopWord);
    }

    private static QuestionType ClassifyQuestion(IReadOnlyList<AnalyzedTerm> terms)
    {
        for (var i = 0; i < Math.Min(terms.Count, 4); i++)
        {
            var word = terms[i].Token.Text;
            var next = i + 1 < terms.Count ? terms[i + 1].Token.Text : string.Empty;
            switch (word)
            {
                case "who" or "whom" or "whose":
                    return QuestionType.Who;
                case "when":
                    return QuestionType.When;
                case "where":
                    return QuestionType.Where;
                case "why":
                    return QuestionType.Why;
                case "how" when next is "many" or "much" or "long" or "old" or "far":
                    return QuestionType.HowMany;
                case "how":
                    return QuestionType.How;
                case "what" or "which" when next is "year" or "date" or "day" or "month" or "time":
                    return QuestionType.When;
                case "what" when IsDefinition(terms, i):
                    return QuestionType.Definition;
                case "what" or "which":
                    return QuestionType.What;
            }
        }

        return QuestionType.Other;
    }
}
