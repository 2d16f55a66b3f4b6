namespace BriefingBot.Core.Articles.Parsing;

/// <summary>One paragraph-level block of a Markdown body: its source lines, heading level (0 = none), code or not.</summary>
internal sealed record MarkdownBlock(IReadOnlyList<string> Lines, int HeadingLevel, bool IsCode)
{
    /// <summary>Plain text: soft-wrapped lines joined with a space and inline syntax removed; code keeps its lines.</summary>
    public string Text => IsCode
        ? string.Join('\n', Lines)
        : MarkdownStripper.StripInline(string.Join(' ', Lines.Select(l => l.Trim())));
}
