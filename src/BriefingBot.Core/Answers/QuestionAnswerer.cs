using BriefingBot.Core.Retrieval;

namespace BriefingBot.Core.Answers;

/// <summary>
/// Answers a question with the best sentences of the articles, or says plainly that they do not answer it and
/// offers the closest articles instead of a random sentence.
/// </summary>
public sealed class QuestionAnswerer(AnswerOptions options, RankingOptions ranking)
{
    public QuestionAnswerer()
        : this(AnswerOptions.Default, RankingOptions.Default)
    {
    }

    public AnswerResult Answer(SearchIndex index, string question, int maxAnswers = 3)
    {
        if (MetadataQuestion.TryParse(question) is { } about && AnswerFromMetadata(index, question, about) is { } fromMetadata)
        {
            return fromMetadata;
        }

        var query = QueryParser.Parse(index, question);
        var corrections = query.Terms.Where(t => t.CorrectedTo is not null)
            .GroupBy(t => t.Surface)
            .Select(g => new Correction(g.Key, g.First().CorrectedTo!))
            .ToArray();

        var hits = SentenceSearcher.Search(index, query, Math.Max(1, maxAnswers) * 4, ranking);
        var answers = new List<Answer>();
        if (hits.Count > 0 && query.UnknownNames.Count == 0)
        {
            var best = hits[0].Score;
            foreach (var hit in hits)
            {
                var confidence = Confidence(hit);
                if (answers.Count >= maxAnswers || confidence < options.ConfidenceThreshold || hit.Score < best * options.RelativeScoreFloor)
                {
                    continue;
                }

                var answer = ToAnswer(index, hit, confidence);
                if (answers.Any(a => a.Sentence == answer.Sentence))
                {
                    continue; // the same sentence in a duplicated article says nothing new
                }

                answers.Add(answer);
            }
        }

        var result = new AnswerResult(question, answers.Count > 0, answers)
        {
            Corrections = corrections,
            UnknownWords = query.UnknownWords,
        };

        return result.Answered ? result : result with { Suggestions = Suggest(index, query) };
    }

    /// <summary>
    /// "Who wrote the article about Kim's generals?": find the article the topic names (or the only one), and answer
    /// from its byline or date. When the article does not say, decline and point to it rather than guess.
    /// </summary>
    private static AnswerResult? AnswerFromMetadata(SearchIndex index, string question, MetadataQuestion about)
    {
        Articles.Article? article = null;
        if (about.Topic.Length > 0)
        {
            var hits = ArticleSearcher.Search(index, QueryParser.Parse(index, about.Topic), 1);
            article = hits.Count > 0 ? hits[0].Article : null;
        }
        else if (index.Articles.Count == 1)
        {
            article = index.Articles[0];
        }

        if (article is null)
        {
            return null;
        }

        var fact = about.Field switch
        {
            MetadataField.Author => article.Author is { } author ? $"Written by {author}." : null,
            MetadataField.PublishedAt => article.PublishedAt is { } date ? $"Published on {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}." : null,
            _ => article.Outlet is { } outlet ? $"Published by {outlet}." : null,
        };

        var suggestion = new ArticleSuggestion(article.Id, article.Title, article.SourceUrl);
        if (fact is null)
        {
            return new AnswerResult(question, false, []) { Suggestions = [suggestion] };
        }

        var answer = new Answer(article.Id, article.Title, fact, 1, 1)
        {
            SourceUrl = article.SourceUrl,
            Link = article.SourceUrl,
            Outlet = article.Outlet,
            PublishedAt = article.PublishedAt,
        };
        return new AnswerResult(question, true, [answer]);
    }

    /// <summary>Mostly what the sentence itself covers of the question; its neighbours and title count for less.</summary>
    private static double Confidence(SentenceHit hit) => Math.Clamp((0.75 * hit.Coverage) + (0.25 * hit.ContextCoverage), 0, 1);

    private static Answer ToAnswer(SearchIndex index, SentenceHit hit, double confidence)
    {
        var article = index.Articles[hit.Article];
        var sentence = index.SentenceText(hit.Sentence);
        var entry = index.Sentence(hit.Sentence);
        var (first, end) = index.SentenceRange(hit.Article);
        string? Neighbour(int id) =>
            id >= first && id < end && index.Sentence(id).Paragraph == entry.Paragraph ? index.SentenceText(id) : null;

        return new Answer(article.Id, article.Title, sentence, Math.Round(hit.Score, 4), Math.Round(confidence, 3))
        {
            Before = Neighbour(hit.Sentence - 1),
            After = Neighbour(hit.Sentence + 1),
            SourceUrl = article.SourceUrl,
            Link = TextFragmentLink.Build(article.SourceUrl, sentence),
            Outlet = article.Outlet,
            PublishedAt = article.PublishedAt,
        };
    }

    private static IReadOnlyList<ArticleSuggestion> Suggest(SearchIndex index, ParsedQuery query) =>
        ArticleSearcher.Search(index, query, 3)
            .Select(h => new ArticleSuggestion(h.Article.Id, h.Article.Title, h.Article.SourceUrl))
            .ToArray();
}
