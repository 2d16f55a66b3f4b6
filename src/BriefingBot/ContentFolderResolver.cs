namespace BriefingBot;

/// <summary>
/// Finds the content folder a relative path means. A newcomer may start the bot from the repository root or from
/// src/BriefingBot; the default <c>seeds</c> should be found either way.
/// </summary>
public static class ContentFolderResolver
{
    private const int LevelsUp = 4;

    public static string Resolve(string folder, string workingDirectory)
    {
        if (Path.IsPathRooted(folder))
        {
            return folder;
        }

        var directory = new DirectoryInfo(workingDirectory);
        for (var level = 0; directory is not null && level <= LevelsUp; level++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(folder, workingDirectory);
    }
}
