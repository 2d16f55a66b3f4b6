using System.Text.RegularExpressions;

namespace BriefingBot.Terminal;

/// <summary>
/// Reads a typed line the way Discord's command box does: <c>/ask question: who wrote the letter?</c>, or the short
/// form <c>/ask who wrote the letter?</c> where the text goes to the command's main option. Option names are only
/// recognised as <c>name:</c> for options the command declares, so a colon inside a question is left alone.
/// </summary>
public sealed partial class SlashLineParser(CommandCatalog catalog)
{
    public SlashParseResult Parse(string line, CommandCaller caller)
    {
        var text = line.Trim();
        if (text.StartsWith('/'))
        {
            text = text[1..];
        }

        var nameEnd = IndexOfSpace(text);
        var name = text[..nameEnd].ToLowerInvariant();
        var rest = text[nameEnd..].Trim();
        if (name.Length == 0)
        {
            return SlashParseResult.Fail("Type a command, e.g. /ask who wrote the letter? (or /help).");
        }

        var handler = catalog.Find(name);
        if (handler is null)
        {
            return SlashParseResult.Fail($"There is no /{name} command. Type /help to see them all.");
        }

        var definition = handler.Definition;
        var declared = definition.Options;
        string? subcommand = null;
        var subcommands = declared.Where(o => o.Type == CommandOptionType.Subcommand).ToArray();
        if (subcommands.Length > 0)
        {
            var subEnd = IndexOfSpace(rest);
            var candidate = rest[..subEnd].ToLowerInvariant();
            var sub = subcommands.FirstOrDefault(s => s.Name == candidate);
            if (sub is null)
            {
                return SlashParseResult.Fail($"/{definition.Name} needs one of: {string.Join(", ", subcommands.Select(s => s.Name))}.");
            }

            subcommand = sub.Name;
            declared = sub.Options;
            rest = rest[subEnd..].Trim();
        }

        var options = ParseOptions(rest, declared, out var problem);
        if (problem is not null)
        {
            return SlashParseResult.Fail(problem);
        }

        return SlashParseResult.Ok(new CommandRequest(definition.Name, options, caller) { Subcommand = subcommand });
    }

    private static Dictionary<string, string> ParseOptions(string rest, IReadOnlyList<CommandOptionDefinition> declared, out string? problem)
    {
        problem = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rest.Length == 0)
        {
            return options;
        }

        var markers = OptionMarker().Matches(rest)
            .Where(m => declared.Any(o => o.Name.Equals(m.Groups["name"].Value, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        if (markers.Length == 0 || markers[0].Index > 0)
        {
            var main = declared.FirstOrDefault(o => o.Required) ?? declared.FirstOrDefault();
            if (main is null)
            {
                problem = "This command takes no options.";
                return options;
            }

            var end = markers.Length == 0 ? rest.Length : markers[0].Index;
            options[main.Name] = Unquote(rest[..end]);
        }

        for (var i = 0; i < markers.Length; i++)
        {
            var start = markers[i].Index + markers[i].Length;
            var end = i + 1 < markers.Length ? markers[i + 1].Index : rest.Length;
            var name = declared.First(o => o.Name.Equals(markers[i].Groups["name"].Value, StringComparison.OrdinalIgnoreCase)).Name;
            options[name] = Unquote(rest[start..end]);
        }

        return options;
    }

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    private static int IndexOfSpace(string text)
    {
        var i = text.IndexOf(' ', StringComparison.Ordinal);
        return i < 0 ? text.Length : i;
    }

    [GeneratedRegex(@"(?<=^|\s)(?<name>[a-z][a-z0-9_-]*):", RegexOptions.IgnoreCase)]
    private static partial Regex OptionMarker();
}
