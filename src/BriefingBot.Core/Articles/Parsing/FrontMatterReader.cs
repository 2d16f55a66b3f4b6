using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>Reads optional YAML front matter (<c>---</c> … <c>---</c> at the very top of a Markdown file).</summary>
internal static class FrontMatterReader
{
    private static readonly string[] TitleKeys = ["title"];
    private static readonly string[] UrlKeys = ["url", "source_url", "link"];
    private static readonly string[] OutletKeys = ["outlet", "source", "publisher"];
    private static readonly string[] AuthorKeys = ["author", "authors"];
    private static readonly string[] DateKeys = ["date", "published", "published_at"];
    private static readonly string[] TagKeys = ["tags", "categories", "topics"];

    /// <summary>
    /// Splits <paramref name="lines"/> into front matter and body. Returns false with a reason when front matter is
    /// present but broken; <paramref name="bodyStart"/> is the index of the first body line.
    /// </summary>
    public static bool TryRead(IReadOnlyList<string> lines, out FrontMatter frontMatter, out int bodyStart, out string? problem)
    {
        frontMatter = FrontMatter.None;
        bodyStart = 0;
        problem = null;
        if (lines.Count == 0 || lines[0].TrimEnd() != "---")
        {
            return true;
        }

        var close = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            problem = "front matter is not closed: no '---' line ends the block that starts on line 1";
            return false;
        }

        bodyStart = close + 1;
        var yaml = string.Join('\n', lines.Skip(1).Take(close - 1));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // +1: the YAML starts on the line after the opening '---', and we report lines of the file.
            problem = $"front matter is not valid YAML: {Describe(ex)} (line {ex.Start.Line + 1})";
            return false;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problem = "front matter is not valid YAML: expected 'key: value' lines (line 2)";
            return false;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                fields.TryAdd(name, value);
            }
        }

        frontMatter = new FrontMatter(
            Scalar(fields, TitleKeys),
            Scalar(fields, UrlKeys),
            Scalar(fields, OutletKeys),
            Join(fields, AuthorKeys),
            NewsDateParser.Parse(Scalar(fields, DateKeys)),
            TagKeys.SelectMany(k => fields.TryGetValue(k, out var node) ? Items(node) : []).ToList());
        return true;
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out var node) && Text(node) is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string? Join(Dictionary<string, YamlNode> fields, string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out var node) && Items(node).ToList() is { Count: > 0 } items)
            {
                return string.Join(", ", items);
            }
        }

        return null;
    }

    /// <summary>A scalar, a sequence of scalars, or a "a, b" list in one scalar.</summary>
    private static IEnumerable<string> Items(YamlNode node)
    {
        var values = node is YamlSequenceNode sequence ? sequence.Children.Select(Text) : [Text(node)];
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());
    }

    /// <summary>Scalars as text; a mapping such as <c>author: {name: Jane}</c> gives its name.</summary>
    private static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value?.Trim(),
        YamlMappingNode mapping => mapping.Children
            .Where(c => c.Key is YamlScalarNode { Value: { } k } && k.Equals("name", StringComparison.OrdinalIgnoreCase))
            .Select(c => Text(c.Value))
            .FirstOrDefault(),
        _ => null,
    };

    /// <summary>YamlDotNet prefixes messages with "(Line: 2, Col: 8, Idx: 20) - (…): "; we report the line ourselves.</summary>
    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        return message.Trim().TrimEnd('.');
    }
}
