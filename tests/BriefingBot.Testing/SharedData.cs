namespace BriefingBot.Testing;

/// <summary>
/// Finds the repository and the shared datasets (<c>../shared/data</c> next to the repository, see SOURCES.md there).
/// The datasets may not be committed, so tests that need them use <see cref="SharedDataFactAttribute"/> and skip
/// when they are absent. Set <c>BRIEFINGBOT_SHARED_DATA</c> to point at another copy.
/// </summary>
public static class SharedData
{
    public const string FolderVariable = "BRIEFINGBOT_SHARED_DATA";

    public const string SolutionFileName = "BriefingBot.sln";

    /// <summary>The folder holding BriefingBot.sln, found by walking up from the test binaries; null if not found.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }

    /// <summary><c>BRIEFINGBOT_SHARED_DATA</c> when set, else <c>&lt;repository&gt;/../shared/data</c>; null if neither is known.</summary>
    public static string? Folder
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(FolderVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            return RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data")) : null;
        }
    }

    /// <summary>Full path of a shared data file, or null when it is not there.</summary>
    public static string? Find(string fileName) =>
        Folder is { } folder && File.Exists(Path.Combine(folder, fileName)) ? Path.Combine(folder, fileName) : null;

    /// <summary>Full path of a shared data file; throws (failing the test) when absent. Use inside <see cref="SharedDataFactAttribute"/> tests.</summary>
    public static string PathOf(string fileName) =>
        Find(fileName) ?? throw new FileNotFoundException($"Shared data file '{fileName}' not found in '{Folder}'. Set {FolderVariable}.", fileName);

    /// <summary>Why a test needing these files must be skipped, or null when all are present.</summary>
    public static string? MissingReason(IEnumerable<string> fileNames)
    {
        var missing = fileNames.Where(f => Find(f) is null).ToList();
        return missing.Count == 0
            ? null
            : $"Shared data not found: {string.Join(", ", missing)} in '{Folder ?? "(repository root not found)"}'. Set {FolderVariable} to the folder holding them.";
    }
}
