using System.Text;

namespace BriefingBot.Commands.Components;

/// <summary>
/// Packs a command and its options into a button's custom id (at most 100 characters) and back, so a button is
/// just a command the bot already knows how to run, and keeps working after a restart.
/// Format: <c>command|name=value|name=value</c>; '%', '|' and '=' inside values are percent-escaped.
/// </summary>
public static class ComponentId
{
    private const char Separator = '|';

    /// <summary>The custom id, or null when the state does not fit in Discord's 100 characters.</summary>
    public static string? TryEncode(string command, IEnumerable<KeyValuePair<string, string>> options)
    {
        var sb = new StringBuilder(command);
        foreach (var (name, value) in options)
        {
            sb.Append(Separator).Append(name).Append('=').Append(Escape(value));
        }

        return sb.Length <= Replies.ReplyLimits.CustomId ? sb.ToString() : null;
    }

    /// <summary>Turns a custom id back into a request from the given caller; false for ids this bot did not make.</summary>
    public static bool TryDecode(string customId, CommandCaller caller, out CommandRequest request)
    {
        request = null!;
        if (string.IsNullOrEmpty(customId) || customId.Length > Replies.ReplyLimits.CustomId)
        {
            return false;
        }

        var parts = customId.Split(Separator);
        if (parts[0].Length == 0)
        {
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? subcommand = null;
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var name = part[..eq];
            var value = Unescape(part[(eq + 1)..]);
            if (name == "_sub")
            {
                subcommand = value;
            }
            else
            {
                options[name] = value;
            }
        }

        request = new CommandRequest(parts[0], options, caller) { Subcommand = subcommand, Source = CommandSource.Component };
        return true;
    }

    private static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
             .Replace("|", "%7C", StringComparison.Ordinal)
             .Replace("=", "%3D", StringComparison.Ordinal);

    private static string Unescape(string value) =>
        value.Replace("%7C", "|", StringComparison.Ordinal)
             .Replace("%3D", "=", StringComparison.Ordinal)
             .Replace("%25", "%", StringComparison.Ordinal);
}
