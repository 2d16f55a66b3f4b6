namespace BriefingBot.Core.Articles.Parsing;

/// <summary>How a parser's body text marks paragraphs, so the builder knows whether single line breaks are wraps.</summary>
internal enum LineBreakStyle
{
    /// <summary>Plain or wire text: blank lines separate paragraphs; single breaks may be hard wraps (Reuters wraps at ~70 columns).</summary>
    WrappedText,

    /// <summary>Already laid out (HTML, Markdown): blank lines separate paragraphs, remaining single breaks are meant.</summary>
    Paragraphs,
}
