namespace BriefingBot.Core.Articles;

/// <summary>A file (or one record in it) that could not be loaded, and why, in words a moderator understands.</summary>
public sealed record LoadProblem(string Source, string Reason)
{
    /// <summary>One line for logs and moderator replies, e.g. <c>news.jsonl#12: the record has no body text</c>.</summary>
    public override string ToString() => $"{Source}: {Reason}";
}
