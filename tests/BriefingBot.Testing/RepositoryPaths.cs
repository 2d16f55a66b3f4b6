namespace BriefingBot.Testing;

/// <summary>The repository's folders, so tests read the real seeds wherever they run.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding BriefingBot.sln (found as <see cref="SharedData.RepositoryRoot"/> finds it).</summary>
    public static string Root =>
        SharedData.RepositoryRoot ?? throw new InvalidOperationException($"{SharedData.SolutionFileName} not found above {AppContext.BaseDirectory}");

    public static string Seeds => Path.Combine(Root, "seeds");
}
