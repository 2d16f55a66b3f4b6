namespace BriefingBot.Core.Quotes;

/// <summary>A quotation with what matching needs worked out once: its sentence's stems and the folded speaker.</summary>
internal sealed record IndexedQuote(Quote Quote, IReadOnlySet<string> Stems, string FoldedSpeaker);
