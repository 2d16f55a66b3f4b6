using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Text;

/// <summary>Reads the repository's seed articles (found by <see cref="RepositoryPaths"/>).</summary>
internal static class SeedArticles
{
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, fileName));
}
