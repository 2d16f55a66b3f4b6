namespace BriefingBot.Testing.Postgres;

/// <summary>
/// Finds the folder holding <c>initdb</c> and <c>pg_ctl</c>: <c>BRIEFINGBOT_POSTGRES_BIN</c> when set (to pick a
/// version, or a missing folder to see the skip), else PATH, then Debian's versioned folders, newest first.
/// </summary>
public static class PostgresBinaries
{
    public const string OverrideVariable = "BRIEFINGBOT_POSTGRES_BIN";

    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } chosen)
        {
            return HasBoth(chosen) ? chosen : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasBoth(folder))
            {
                // PATH often holds symlinks (Debian's postgresql-common wrappers or hand-made links): the real folder
                // is what pg_ctl needs to find the postgres binary beside it.
                var initdb = new FileInfo(Path.Combine(folder, "initdb"));
                var target = initdb.ResolveLinkTarget(returnFinalTarget: true);
                return target is null ? folder : Path.GetDirectoryName(target.FullName);
            }
        }

        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debian)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => HasBoth(d.Folder))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Folder)
            .FirstOrDefault();
    }

    private static bool HasBoth(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}
