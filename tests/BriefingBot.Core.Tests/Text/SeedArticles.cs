namespace BriefingBot.Core.Tests.Text;

/// <summary>Reads the repository's seed articles, found by walking up from the test binaries to BriefingBot.sln.</summary>
internal static class SeedArticles
{
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
                {
                    return Path.Combine(dir.FullName, "seeds");
                }
            }

            throw new InvalidOperationException("BriefingBot.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
