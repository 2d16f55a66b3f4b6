using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Articles.Parsing;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>
/// Finishes a draft the same way for every format: boilerplate removal, paragraphs, normalisation, title fallback,
/// hash and word count. Stateless, so drafts are built in parallel.
/// </summary>
internal static class DraftCleaner
{
    public static DraftOutcome Clean(ArticleDraft draft)
    {
        var cleaned = BoilerplateCleaner.Clean(Unify(draft.Body ?? string.Empty));
        var paragraphs = ParagraphFormatter.Split(cleaned.Text, draft.Layout)
            .Select(p => TextNormalizer.Normalize(p))
            .Where(p => p.Length > 0)
            .ToList();
        var body = string.Join("\n\n", paragraphs);
        var title = OneLine(draft.Title);

        if (body.Length == 0)
        {
            var reason = (title.Length > 0, string.IsNullOrWhiteSpace(draft.Body)) switch
            {
                (true, true) => "the article has a title but no body text",
                (false, true) => "the article has neither a title nor body text",
                _ => "no article text is left once comment-form and sharing boilerplate is removed",
            };
            return new DraftOutcome(draft.IdBase, null, new LoadProblem(draft.SourcePath, reason));
        }

        if (title.Length == 0)
        {
            // Decision: a record with a body but no title is still worth answering from; its first sentence names it.
            title = OneLine(TitleFallback.FromBody(body));
        }

        var article = new Article
        {
            Id = draft.IdBase,
            Title = title,
            Body = body,
            SourceUrl = Blank(draft.SourceUrl),
            Outlet = Blank(OneLine(draft.Outlet)),
            Author = Blank(OneLine(draft.Author)) ?? cleaned.Author,
            PublishedAt = draft.PublishedAt ?? cleaned.PublishedAt,
            Tags = DistinctTags(draft.Tags.Concat(cleaned.Tags)),
            SourcePath = draft.SourcePath,
            ContentHash = Hash(title, body),
            WordCount = WordCounter.Count(body),
        };
        return new DraftOutcome(draft.IdBase, article, null);
    }

    public static string Hash(string title, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(title, "\n", body))));

    private static string Unify(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Titles and bylines are one line: any breaks or runs of spaces inside become single spaces.</summary>
    private static string OneLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var normalized = TextNormalizer.Normalize(value.Replace('\n', ' ').Replace('\r', ' '));
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> DistinctTags(IEnumerable<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var clean = OneLine(tag);
            if (clean.Length > 0 && seen.Add(clean))
            {
                result.Add(clean);
            }
        }

        return result;
    }
}
