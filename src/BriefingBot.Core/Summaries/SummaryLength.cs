namespace BriefingBot.Core.Summaries;

/// <summary>How long a summary should be.</summary>
public enum SummaryLength
{
    /// <summary>One or two sentences, for digests.</summary>
    Brief,

    /// <summary>Three sentences.</summary>
    Short,

    /// <summary>Five sentences.</summary>
    Medium,

    /// <summary>Eight sentences.</summary>
    Long,
}
