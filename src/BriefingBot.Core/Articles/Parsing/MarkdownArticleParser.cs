namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// Markdown: optional YAML front matter for metadata; title from the front matter, else the first <c># Heading</c>,
/// else the first line; body as plain text with the Markdown syntax removed.
/// </summary>
internal sealed class MarkdownArticleParser : IArticleParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public ParsedFile Parse(DecodedFile file, CancellationToken cancellationToken)
    {
        var lines = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!FrontMatterReader.TryRead(lines, out var frontMatter, out var bodyStart, out var problem))
        {
            return ParsedFile.Failed(file.RelativePath, problem!);
        }

        var blocks = MarkdownStripper.Blocks(lines.Skip(bodyStart));
        var title = frontMatter.Title;
        var h1 = blocks.FindIndex(b => b.HeadingLevel == 1);
        if (title is null && h1 >= 0)
        {
            title = blocks[h1].Text;
            blocks.RemoveAt(h1);
        }
        else if (title is null && blocks.Count > 0)
        {
            // No heading: the first line is the title, as in a .txt file; the rest of its paragraph stays body.
            var first = blocks[0];
            title = first.HeadingLevel > 0 || first.IsCode ? first.Text : MarkdownStripper.StripInline(first.Lines[0]);
            blocks[0] = first with { Lines = first.HeadingLevel > 0 || first.IsCode ? [] : first.Lines.Skip(1).ToList() };
        }
        else if (h1 >= 0 && string.Equals(blocks[h1].Text, title, StringComparison.OrdinalIgnoreCase))
        {
            // The title must not be repeated in the body.
            blocks.RemoveAt(h1);
        }

        return ParsedFile.Single(new ArticleDraft
        {
            SourcePath = file.RelativePath,
            IdBase = file.Stem,
            Layout = LineBreakStyle.Paragraphs,
            Title = title,
            Body = string.Join("\n\n", blocks.Where(b => b.Lines.Count > 0).Select(b => b.Text)),
            SourceUrl = frontMatter.Url,
            Outlet = frontMatter.Outlet,
            Author = frontMatter.Author,
            PublishedAt = frontMatter.PublishedAt,
            Tags = frontMatter.Tags,
        });
    }
}
