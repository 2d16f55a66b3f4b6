using System.Text.Json;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// Maps one JSON article object to a draft. Field names are matched case-insensitively and the aliases used by
/// common datasets and feeds are accepted (BBC, Reuters-21578, CNN/DailyMail, NewsAPI-style objects).
/// </summary>
internal static class JsonRecordMapper
{
    // Earlier names win when several are present and non-empty.
    private static readonly string[] TitleNames = ["title", "headline"];
    private static readonly string[] BodyNames = ["body", "text", "content", "article", "description"];
    private static readonly string[] UrlNames = ["url", "link", "source_url", "sourceUrl"];
    private static readonly string[] OutletNames = ["outlet", "source", "publisher", "site"];
    private static readonly string[] AuthorNames = ["author", "authors", "byline"];
    private static readonly string[] DateNames = ["published", "date", "published_at", "publishedAt", "pubDate"];

    // All of these are merged: BBC has "category", Reuters "topics", feeds often both "categories" and "keywords".
    private static readonly string[] TagNames = ["tags", "topics", "categories", "category", "keywords"];

    public static ArticleDraft Map(JsonElement record, string sourcePath, string idBase, LineBreakStyle layout)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in record.EnumerateObject())
        {
            fields.TryAdd(property.Name, property.Value);
        }

        return new ArticleDraft
        {
            SourcePath = sourcePath,
            IdBase = idBase,
            Layout = layout,
            Title = First(fields, TitleNames, Text),
            Body = First(fields, BodyNames, Text),
            SourceUrl = First(fields, UrlNames, Text),
            Outlet = First(fields, OutletNames, NameOrText),
            Author = First(fields, AuthorNames, People),
            PublishedAt = First(fields, DateNames, Date),
            Tags = TagNames.SelectMany(name => fields.TryGetValue(name, out var value) ? List(value) : []).ToList(),
        };
    }

    /// <summary>The record's own id as text ("business/001", 17), or null when it has none.</summary>
    public static string? RecordId(JsonElement record)
    {
        foreach (var property in record.EnumerateObject())
        {
            if (string.Equals(property.Name, "id", StringComparison.OrdinalIgnoreCase))
            {
                var id = Text(property.Value);
                return string.IsNullOrWhiteSpace(id) ? null : id;
            }
        }

        return null;
    }

    private static T? First<T>(Dictionary<string, JsonElement> fields, string[] names, Func<JsonElement, T?> read)
    {
        foreach (var name in names)
        {
            if (fields.TryGetValue(name, out var value) && read(value) is { } result && !IsBlank(result))
            {
                return result;
            }
        }

        return default;
    }

    private static bool IsBlank<T>(T value) => value is string s && string.IsNullOrWhiteSpace(s);

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>A plain string, or an object such as NewsAPI's <c>{"id": "bbc-news", "name": "BBC News"}</c>.</summary>
    private static string? NameOrText(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? ObjectName(value) : Text(value);

    private static string? ObjectName(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, "name", StringComparison.OrdinalIgnoreCase))
            {
                return Text(property.Value);
            }
        }

        return null;
    }

    /// <summary>One author, or several (strings or objects with a name) joined with ", ".</summary>
    private static string? People(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return NameOrText(value);
        }

        var names = value.EnumerateArray()
            .Select(NameOrText)
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!.Trim())
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static DateTimeOffset? Date(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NewsDateParser.Parse(value.GetString()),
        JsonValueKind.Number when value.TryGetInt64(out var epoch) => NewsDateParser.FromEpoch(epoch),
        _ => null,
    };

    /// <summary>An array of names, or one string that may hold a comma- or semicolon-separated list ("a, b; c").</summary>
    private static IEnumerable<string> List(JsonElement value)
    {
        var items = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(NameOrText)
            : [NameOrText(value)];
        return items
            .Where(i => !string.IsNullOrWhiteSpace(i))
            .SelectMany(i => i!.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
