namespace BriefingBot.Core.Quotes;

/// <summary>A quotation with what matching needs worked out once: its sentence's stems and the folded speaker.</summary>
/// <param name="Quote">The quotation.</param>
/// <param name="Stems">Stems of the quotation's sentence, stop words left out.</param>
/// <param name="FoldedSpeaker">The speaker folded for matching.</param>
/// <param name="FirstSentence">The first index sentence the quotation's sentence span overlaps.</param>
/// <param name="EndSentence">One past the last; equal to <paramref name="FirstSentence"/> when none does.</param>
internal sealed record IndexedQuote(Quote Quote, IReadOnlySet<string> Stems, string FoldedSpeaker, int FirstSentence, int EndSentence);
