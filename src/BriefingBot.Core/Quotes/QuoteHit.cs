namespace BriefingBot.Core.Quotes;

/// <summary>A quotation found for a /quote request, with its article and a link to it when the source is known.</summary>
public sealed record QuoteHit(Quote Quote, string Title, double Score)
{
    public string? SourceUrl { get; init; }

    /// <summary>Opens the source with the quotation highlighted; null without a source URL.</summary>
    public string? Link { get; init; }
}
