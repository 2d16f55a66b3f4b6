namespace BriefingBot.Core.Answers;

/// <summary>What a question about an article itself asks for.</summary>
internal enum MetadataField
{
    Author,
    PublishedAt,
    Outlet,
}
