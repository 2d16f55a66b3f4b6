namespace BriefingBot.Testing;

/// <summary>Finds the repository from a test's output folder, so tests read the real seeds wherever they run.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding BriefingBot.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BriefingBot.sln not found above " + AppContext.BaseDirectory);
    }
}
