namespace BriefingBot.Core.Articles.Parsing;

/// <summary>A parser's output for one file: zero or more drafts and the records (or the file) it had to reject.</summary>
internal sealed record ParsedFile(IReadOnlyList<ArticleDraft> Drafts, IReadOnlyList<LoadProblem> Problems)
{
    public static ParsedFile Failed(string source, string reason) => new([], [new LoadProblem(source, reason)]);

    public static ParsedFile Single(ArticleDraft draft) => new([draft], []);
}
