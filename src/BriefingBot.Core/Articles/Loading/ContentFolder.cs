using System.Security;

namespace BriefingBot.Core.Articles.Loading;

/// <summary>Lists the article files of a content folder: supported extensions only, hidden files and folders skipped.</summary>
internal static class ContentFolder
{
    public static IReadOnlyList<ListedFile> List(string folder, IReadOnlyCollection<string> extensions, out LoadProblem? unreadable)
    {
        unreadable = null;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            unreadable = new LoadProblem(folder, File.Exists(folder)
                ? "the content folder is a file, not a folder"
                : "the content folder does not exist");
            return [];
        }

        var supported = new HashSet<string>(extensions, StringComparer.OrdinalIgnoreCase);
        var root = new DirectoryInfo(folder);
        try
        {
            // Reading the top level without IgnoreInaccessible surfaces "permission denied" on the folder itself.
            using (var probe = root.EnumerateFileSystemInfos().GetEnumerator())
            {
                probe.MoveNext();
            }

            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            };
            return root.EnumerateFiles("*", options)
                .Select(f => new ListedFile(f.FullName, Path.GetRelativePath(root.FullName, f.FullName).Replace('\\', '/'), f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
                .Where(f => supported.Contains(Path.GetExtension(f.RelativePath)) && !IsHidden(f.RelativePath))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            unreadable = new LoadProblem(folder, $"the content folder cannot be read: {ex.Message}");
            return [];
        }
    }

    /// <summary>Dot-files and dot-folders (.DS_Store, .git) and editor lock files (~$draft.txt) are never articles.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/').Any(segment => segment.StartsWith('.') || segment.StartsWith("~$", StringComparison.Ordinal));
}
