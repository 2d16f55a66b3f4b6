using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Core.Digest;

/// <summary>
/// Builds a digest edition: the articles new since a moment (or the latest), the same story from several articles
/// grouped once (by meaning when <paramref name="embeddings"/> is available), each with a short summary. Pure: same
/// snapshot, query and vectors, same digest.
/// </summary>
public sealed class DigestBuilder(Summarizer summarizer, ISentenceEmbeddings? embeddings = null, SemanticOptions? semantic = null)
{
    public DigestEdition Build(ArticleSnapshot snapshot, DigestQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var dated = snapshot.Articles
            .Select(a => (Article: a, Date: snapshot.EffectiveDate(a)))
            .OrderByDescending(x => x.Date)
            .ThenBy(x => x.Article.Id, StringComparer.Ordinal)
            .ToArray();

        // A newly subscribed feed's back catalogue is not news: it only shows when nothing else would.
        var news = dated.Where(x => !x.Article.IsBackCatalogue).ToArray();
        if (news.Length == 0 && query.Since is null)
        {
            news = dated;
        }

        var fresh = query.Since is { } since ? news.Where(x => x.Date > since).ToArray() : news;
        var fellBack = false;
        if (fresh.Length == 0 && query.Since is not null && query.FallBackToLatest)
        {
            fresh = dated;
            fellBack = true;
        }

        // Grouping compares articles pairwise, so look only at as many as a digest could show, with room for duplicates.
        var stories = StoryGrouper.Group(
            snapshot.Index,
            fresh.Take(query.MaxItems * 4).Select(x => x.Article).ToArray(),
            embeddings,
            (semantic ?? SemanticOptions.Default).OnDemandBudget,
            cancellationToken);
        var items = stories
            .Take(query.MaxItems)
            .Select(story =>
            {
                var lead = story[0];
                var summary = summarizer.Summarize(snapshot.Index, lead, SummaryLength.Brief);
                return new DigestItem(lead.Id, lead.Title, summary.Text, snapshot.EffectiveDate(lead))
                {
                    Url = lead.SourceUrl,
                    Outlet = lead.Outlet,
                    RelatedArticleIds = story.Skip(1).Select(a => a.Id).ToArray(),
                };
            })
            .ToArray();

        return new DigestEdition(items, now)
        {
            Since = query.Since,
            FellBackToLatest = fellBack,
            ArticleCount = items.Sum(i => 1 + i.RelatedArticleIds.Count),
        };
    }
}
