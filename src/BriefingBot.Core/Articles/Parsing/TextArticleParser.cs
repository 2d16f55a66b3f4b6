namespace BriefingBot.Core.Articles.Parsing;

/// <summary>Plain text: the first non-empty line is the title, everything after it is the body.</summary>
internal sealed class TextArticleParser : IArticleParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public ParsedFile Parse(DecodedFile file, CancellationToken cancellationToken)
    {
        var text = file.Text.AsSpan().TrimStart();
        var newline = text.IndexOfAny('\n', '\r');
        var title = newline < 0 ? text : text[..newline];
        var body = newline < 0 ? ReadOnlySpan<char>.Empty : text[(newline + 1)..];
        return ParsedFile.Single(new ArticleDraft
        {
            SourcePath = file.RelativePath,
            IdBase = file.Stem,
            Layout = LineBreakStyle.WrappedText,
            Title = title.Trim().ToString(),
            Body = body.ToString(),
        });
    }
}
