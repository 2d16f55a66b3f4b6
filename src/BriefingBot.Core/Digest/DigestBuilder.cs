using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;

namespace BriefingBot.Core.Digest;

/// <summary>TEMPORARY stand-in with main's signature until the real builder lands; removed at the merge.</summary>
public sealed class DigestBuilder(Summarizer summarizer)
{
    public Summarizer Summarizer => summarizer;

    public DigestEdition Build(ArticleSnapshot snapshot, DigestQuery query, DateTimeOffset now)
    {
        var dated = snapshot.Articles.Select(a => (Article: a, Date: snapshot.EffectiveDate(a))).OrderByDescending(x => x.Date).ToArray();
        var fresh = query.Since is { } since ? dated.Where(x => x.Date > since).ToArray() : dated;
        var fellBack = false;
        if (fresh.Length == 0 && query.Since is not null && query.FallBackToLatest)
        {
            fresh = dated;
            fellBack = true;
        }

        var items = fresh.Take(query.MaxItems).Select(x => new DigestItem(x.Article.Id, x.Article.Title, x.Article.Body, x.Date) { Url = x.Article.SourceUrl }).ToArray();
        return new DigestEdition(items, now) { Since = query.Since, FellBackToLatest = fellBack, ArticleCount = items.Length };
    }
}
