using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>A quotation while it is being read: where it stands, and the speaker found for it so far.</summary>
internal sealed class QuoteCandidate
{
    public int Paragraph { get; init; }

    public TextSpan ParagraphSpan { get; init; }

    public TextSpan Text { get; init; }

    public int OpenMark { get; init; }

    public int AfterClose { get; init; }

    public bool OpensParagraph { get; init; }

    public bool RunsToParagraphEnd { get; init; }

    public string? Speaker { get; set; }

    public int AttributionEnd { get; set; }

    public bool HasOwnAttribution { get; set; }

    public bool IsFragment { get; set; }
}
