namespace BriefingBot.Core.Quotes;

/// <summary>A speaker named by a quotation's own attribution, and where that attribution ends in the body.</summary>
internal sealed record Attribution(string Speaker, int End);
