namespace BriefingBot.Commands.Results;

/// <summary>One quotation found by /quote; /quote's structured result is the page of them.</summary>
public sealed record QuotationResult(string ArticleId, string Title, string Text, string? Speaker, double Score, string? Link);
