using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// HTML pages: metadata from Open Graph / article meta tags, main text from the page's article (or main) element
/// with navigation, comment sections and scripts dropped, paragraphs kept one per block element.
/// </summary>
internal sealed class HtmlArticleParser : IArticleParser
{
    /// <summary>Chrome and comment sections, never article text.</summary>
    private const string DropSelector =
        "nav, header, footer, aside, script, style, noscript, template, form, iframe, svg, button, "
        + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
        + "#comments, #respond, #disqus_thread, .comments, .comment-respond, .comments-area, .comment-list, "
        + ".sharedaddy, .jp-relatedposts";

    private static readonly FrozenSet<string> TextBlocks = new[] { "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public ParsedFile Parse(DecodedFile file, CancellationToken cancellationToken)
    {
        // A parser per call: cheap, and no shared state between the files parsed in parallel.
        using var document = new HtmlParser().ParseDocument(file.Text);
        cancellationToken.ThrowIfCancellationRequested();

        var title = Meta(document, "property", "og:title")
            ?? NullIfBlank(document.Title)
            ?? NullIfBlank(document.QuerySelector("h1")?.TextContent);
        var url = NullIfBlank(document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"))
            ?? Meta(document, "property", "og:url");
        var author = Meta(document, "name", "author") ?? Meta(document, "property", "article:author");
        var published = NewsDateParser.Parse(
            Meta(document, "property", "article:published_time")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var tags = MetaAll(document, "property", "article:tag").ToList();
        if (tags.Count == 0 && Meta(document, "name", "keywords") is { } keywords)
        {
            tags.AddRange(keywords.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return ParsedFile.Single(new ArticleDraft
        {
            SourcePath = file.RelativePath,
            IdBase = file.Stem,
            Layout = LineBreakStyle.Paragraphs,
            Title = title,
            Body = MainText(document),
            SourceUrl = url,
            Outlet = Meta(document, "property", "og:site_name"),
            Author = author,
            PublishedAt = published,
            Tags = tags,
        });
    }

    private static string MainText(IDocument document)
    {
        var root = document.QuerySelector("article")
            ?? document.QuerySelector("main")
            ?? document.QuerySelector("[role=main]")
            ?? document.Body;
        if (root is null)
        {
            return string.Empty;
        }

        foreach (var element in root.QuerySelectorAll(DropSelector).ToList())
        {
            element.Remove();
        }

        var paragraphs = new List<string>();
        CollectBlocks(root, paragraphs);
        if (paragraphs.Count == 0)
        {
            // Pages without paragraph markup (text straight in a div): keep whatever text there is.
            paragraphs.Add(TextOf(root));
        }

        return string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
    }

    /// <summary>Emits the innermost text blocks in document order, so a &lt;blockquote&gt;&lt;p&gt; is not taken twice.</summary>
    private static void CollectBlocks(IElement element, List<string> paragraphs)
    {
        foreach (var child in element.Children)
        {
            var isBlock = TextBlocks.Contains(child.LocalName);
            if (isBlock && !child.Descendants<IElement>().Any(d => TextBlocks.Contains(d.LocalName)))
            {
                paragraphs.Add(TextOf(child));
            }
            else
            {
                CollectBlocks(child, paragraphs);
            }
        }
    }

    /// <summary>Text with HTML whitespace collapsed; &lt;br&gt; stays a line break.</summary>
    private static string TextOf(INode node)
    {
        var sb = new StringBuilder();
        AppendText(node, sb);
        var lines = sb.ToString().Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void AppendText(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data.Replace('\n', ' '));
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append('\n');
                    break;
                case IElement element when TextBlocks.Contains(element.LocalName) || element.LocalName is "div" or "section":
                    // Block children of a fallback root are separate lines, never glued words.
                    sb.Append('\n');
                    AppendText(element, sb);
                    sb.Append('\n');
                    break;
                case IElement element:
                    AppendText(element, sb);
                    break;
            }
        }
    }

    private static string? Meta(IDocument document, string attribute, string name) =>
        MetaAll(document, attribute, name).FirstOrDefault();

    private static IEnumerable<string> MetaAll(IDocument document, string attribute, string name) =>
        document.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute(attribute), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => NullIfBlank(m.GetAttribute("content")))
            .OfType<string>();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
