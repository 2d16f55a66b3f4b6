using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Core.Answers;

/// <summary>
/// Answers a question with the best sentences of the articles, or says plainly that they do not answer it and
/// offers the closest articles instead of a random sentence.
/// </summary>
/// <remarks>
/// With meaning available (<see cref="HybridRanker"/>), sentences are ranked by meaning and words together and the
/// decision to answer rests on a calibrated confidence; without it, the lexical engine ranks alone, as it did before
/// the model was added.
/// </remarks>
public sealed class QuestionAnswerer(AnswerOptions options, RankingOptions ranking, HybridRanker? hybrid = null)
{
    private const int SuggestionCount = 3;

    public QuestionAnswerer()
        : this(AnswerOptions.Default, RankingOptions.Default)
    {
    }

    /// <summary>Whether answers use meaning (the model loaded and is switched on).</summary>
    public bool UsesMeaning => hybrid?.IsAvailable == true;

    public AnswerResult Answer(SearchIndex index, string question, int maxAnswers = 3)
    {
        if (MetadataQuestion.TryParse(question) is { } about && AnswerFromMetadata(index, question, about) is { } fromMetadata)
        {
            return fromMetadata;
        }

        var query = QueryParser.Parse(index, question);
        // Only words the articles lack were corrected: a known word also searched in related forms ("match" with
        // "matchday") was read as typed, and saying "you typed match" would only confuse.
        var corrections = query.Terms.Where(t => t.CorrectedTo is not null)
            .GroupBy(t => t.Surface)
            .Where(g => !query.Terms.Any(t => t.CorrectedTo is null && t.Surface == g.Key))
            .Select(g => new Correction(g.Key, g.First().CorrectedTo!))
            .ToArray();

        if (hybrid?.Rank(index, query, question) is { } ranked)
        {
            return AnswerByMeaning(index, question, query, corrections, ranked, maxAnswers);
        }

        // The articles come from the same scoring pass, for the suggestions a decline offers.
        var (hits, articles) = SentenceSearcher.SearchWithArticles(index, query, Math.Max(1, maxAnswers) * 4, SuggestionCount, ranking);
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

        return result.Answered ? result : result with { Suggestions = Suggest(index, articles) };
    }

    /// <summary>
    /// The best sentence, then the best of each other article ("More answers" should widen the view, not repeat the
    /// same story), each with its calibrated confidence; declined when the best falls below the threshold.
    /// </summary>
    private AnswerResult AnswerByMeaning(SearchIndex index, string question, ParsedQuery query, Correction[] corrections, IReadOnlyList<RankedSentence> ranked, int maxAnswers)
    {
        var answers = new List<Answer>();
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            var runnerUp = ranked.Skip(1).FirstOrDefault(r => r.Article != best.Article);
            var margin = best.Score - (runnerUp?.Score ?? 0);
            var evidence = QuestionEvidence.Of(ranked, query);
            if (hybrid!.Answerability(best, margin, evidence) >= options.AnswerabilityThreshold)
            {
                var confidence = hybrid.Confidence(best, margin, evidence);
                answers.Add(ToAnswer(index, best.Sentence, best.Score, confidence));
                var seen = new HashSet<int> { best.Article };
                foreach (var other in ranked.Skip(1))
                {
                    if (answers.Count >= maxAnswers)
                    {
                        break;
                    }

                    var text = index.SentenceText(other.Sentence);
                    if (!seen.Add(other.Article) || answers.Any(a => a.Sentence == text))
                    {
                        continue;
                    }

                    var otherConfidence = hybrid.Confidence(other, other.Score - best.Score, evidence);
                    if (otherConfidence >= confidence * options.RelativeScoreFloor)
                    {
                        answers.Add(ToAnswer(index, other.Sentence, other.Score, otherConfidence));
                    }
                }
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

    private static Answer ToAnswer(SearchIndex index, SentenceHit hit, double confidence) =>
        ToAnswer(index, hit.Sentence, hit.Score, confidence);

    private static Answer ToAnswer(SearchIndex index, int id, double score, double confidence)
    {
        var entry = index.Sentence(id);
        var article = index.Articles[entry.Article];
        var sentence = index.SentenceText(id);
        var (first, end) = index.SentenceRange(entry.Article);
        string? Neighbour(int neighbour) =>
            neighbour >= first && neighbour < end && index.Sentence(neighbour).Paragraph == entry.Paragraph ? index.SentenceText(neighbour) : null;

        return new Answer(article.Id, article.Title, sentence, Math.Round(score, 4), Math.Round(confidence, 3))
        {
            Before = Neighbour(id - 1),
            After = Neighbour(id + 1),
            SourceUrl = article.SourceUrl,
            Link = TextFragmentLink.Build(article.SourceUrl, sentence),
            Outlet = article.Outlet,
            PublishedAt = article.PublishedAt,
        };
    }

    private IReadOnlyList<ArticleSuggestion> Suggest(SearchIndex index, ParsedQuery query) =>
        Suggest(index, query.IsEmpty ? [] : SentenceSearcher.TopArticles(index, query, SuggestionCount, ranking));

    private static ArticleSuggestion[] Suggest(SearchIndex index, (int Article, double Score)[] articles) =>
        articles.Select(a => index.Articles[a.Article])
            .Select(a => new ArticleSuggestion(a.Id, a.Title, a.SourceUrl))
            .ToArray();
}
