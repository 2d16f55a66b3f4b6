using BriefingBot.Core.Articles;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>
/// Finds quotations in an article and works out who said them: <see cref="QuoteScanner"/> finds the quote marks,
/// <see cref="AttributionReader"/> reads each quotation's own attribution, <see cref="SpeakerResolver"/> fills in the
/// rest from neighbouring quotations and resolves "he"/"she". The words they read with are in <see cref="NewsLexicon"/>.
/// </summary>
public sealed class QuoteExtractor
{
    public IReadOnlyList<Quote> Extract(Article article) => Extract(article, includeFragments: false);

    /// <summary>Finds the article's quotations; scare-quote fragments only when <paramref name="includeFragments"/>.</summary>
    public IReadOnlyList<Quote> Extract(Article article, bool includeFragments)
    {
        var body = article.Body;
        var candidates = QuoteScanner.Scan(body);
        foreach (var candidate in candidates)
        {
            AttributionReader.Read(body, candidate);
        }

        SpeakerResolver.Resolve(body, candidates);

        var quotes = new List<Quote>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.IsFragment && !includeFragments)
            {
                continue;
            }

            quotes.Add(new Quote(
                article.Id,
                body.Substring(c.Text.Start, c.Text.Length),
                c.Speaker,
                c.Text,
                SentenceSpan(body, c),
                c.Paragraph,
                c.IsFragment));
        }

        return quotes;
    }

    /// <summary>The paragraph's sentences from the one holding the opening mark to the one ending the attribution.</summary>
    private static TextSpan SentenceSpan(string body, QuoteCandidate quote)
    {
        var paragraph = quote.ParagraphSpan;
        var sentences = SentenceSplitter.Split(body.Substring(paragraph.Start, paragraph.Length));
        var first = quote.OpenMark - paragraph.Start;
        var last = Math.Max(quote.AttributionEnd, quote.AfterClose) - 1 - paragraph.Start;
        var start = first;
        var end = last + 1;
        foreach (var sentence in sentences)
        {
            if (sentence.Start <= first && first < sentence.End)
            {
                start = sentence.Start;
            }

            if (sentence.Start <= last && last < sentence.End)
            {
                end = sentence.End;
            }
        }

        return new TextSpan(paragraph.Start + start, end - start);
    }
}
