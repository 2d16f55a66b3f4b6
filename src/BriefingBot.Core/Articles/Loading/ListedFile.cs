namespace BriefingBot.Core.Articles;

/// <summary>A candidate article file found in the content folder, with its size (checked before reading) and when it last changed.</summary>
internal sealed record ContentFile(string FullPath, string RelativePath, long Length, DateTimeOffset LastWriteUtc);
