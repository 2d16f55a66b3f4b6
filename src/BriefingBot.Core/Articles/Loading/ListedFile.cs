namespace BriefingBot.Core.Articles.Loading;

/// <summary>A candidate article file found in the content folder, with its size (checked before reading) and when it last changed.</summary>
internal sealed record ListedFile(string FullPath, string RelativePath, long Length, DateTimeOffset LastWriteUtc);
