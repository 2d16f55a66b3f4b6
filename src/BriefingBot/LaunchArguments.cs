namespace BriefingBot;

/// <summary>
/// What the command line asks for before any host exists: a one-shot verb (<c>ask …</c>) or the interactive bot,
/// and a content folder override (<c>--content DIR</c>) that must reach configuration before the host is built.
/// </summary>
public sealed record LaunchArguments(bool IsOneShot, string? ContentFolder, IReadOnlyList<string> CommandArgs)
{
    public static LaunchArguments Parse(IReadOnlyList<string> args)
    {
        string? content = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--content" && i + 1 < args.Count)
            {
                content = args[++i];
            }
            else if (args[i].StartsWith("--content=", StringComparison.Ordinal))
            {
                content = args[i]["--content=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        // A first word that is not a configuration switch is a verb: ask, search, summary …
        var isOneShot = rest.Count > 0 && !rest[0].StartsWith('-') && !rest[0].Contains('=', StringComparison.Ordinal);
        return new LaunchArguments(isOneShot, content, rest);
    }
}
