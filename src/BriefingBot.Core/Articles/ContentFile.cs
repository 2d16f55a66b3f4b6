namespace BriefingBot.Core.Articles;

/// <summary>A candidate article file found in the content folder, with its size as listed (checked before reading).</summary>
internal sealed record ContentFile(string FullPath, string RelativePath, long Length);
