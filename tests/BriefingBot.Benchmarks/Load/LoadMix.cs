using System.Globalization;
using System.Text.Json.Nodes;
using BriefingBot.Commands.Components;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// A seeded, realistic stream of interactions built from the corpus' own titles: questions (a fifth with a typo),
/// searches, summaries, quotes, article lists, autocomplete keystrokes and button presses, from many users in many
/// guilds (cooldowns are per user and per guild, and one user sending 200 a second is not a busy server).
/// </summary>
public sealed class LoadMix(IReadOnlyList<string> titles, int seed)
{
    public const int Users = 5000;
    public const int Guilds = 200;

    private static readonly string[] QuestionTemplates =
    [
        "What happened with {0}?",
        "Why {0}?",
        "Who said {0}?",
        "When did {0}?",
        "How much {0}?",
        "what is the latest on {0}",
    ];

    private static readonly string[] StopWords = ["the", "a", "an", "of", "to", "in", "on", "for", "and", "with", "at", "by", "as", "is"];

    private readonly Random _random = new(seed);

    /// <summary>The next interaction and a label for the report (the command, or "button"/"autocomplete").</summary>
    public (string Kind, JsonObject Payload) Next()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 35 => ("ask", Spread(DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, Question())))),
            < 50 => ("search", Spread(DiscordPayloads.Command("search", 0, DiscordPayloads.Option("query", 3, Words(2))))),
            < 62 => ("summary", Spread(DiscordPayloads.Command("summary", 0, DiscordPayloads.Option("article", 3, Title())))),
            < 72 => ("quote", Spread(DiscordPayloads.Command("quote", 0, DiscordPayloads.Option("about", 3, Words(1))))),
            < 78 => ("articles", Spread(DiscordPayloads.Command("articles"))),
            < 88 => ("autocomplete", Spread(DiscordPayloads.Autocomplete("summary", DiscordPayloads.Option("article", 3, Prefix(), focused: true)))),
            _ => ("button", Spread(DiscordPayloads.Button(ButtonId()))),
        };
    }

    /// <summary>A moderator's /reload (Manage Server), from one guild.</summary>
    public static JsonObject Reload() => DiscordPayloads.Command("reload", 32);

    public string Question()
    {
        var question = string.Format(CultureInfo.InvariantCulture, QuestionTemplates[_random.Next(QuestionTemplates.Length)], Title().ToLowerInvariant());
        return _random.Next(5) == 0 ? Typo(question) : question;
    }

    private string Title() => titles[_random.Next(titles.Count)];

    private string Words(int count)
    {
        var words = Title().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !StopWords.Contains(w.ToLowerInvariant()))
            .ToArray();
        return words.Length == 0 ? "news" : string.Join(' ', Enumerable.Range(0, count).Select(_ => words[_random.Next(words.Length)]).Distinct());
    }

    private string Prefix()
    {
        var title = Title();
        return title[..Math.Min(title.Length, 2 + _random.Next(8))];
    }

    private string ButtonId()
    {
        var id = _random.Next(3) switch
        {
            0 => ComponentId.TryEncode("articles", [new("page", (2 + _random.Next(5)).ToString(CultureInfo.InvariantCulture))]),
            1 => ComponentId.TryEncode("search", [new("query", Words(1)), new("page", "2")]),
            _ => ComponentId.TryEncode("ask", [new("question", Words(2)), new("page", "2")]),
        };
        return id ?? "articles|page=2";
    }

    /// <summary>Swaps two neighbouring letters in one longer word, as a hurried typist does.</summary>
    private string Typo(string text)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5).ToArray();
        if (candidates.Length == 0)
        {
            return text;
        }

        var at = candidates[_random.Next(candidates.Length)];
        var chars = words[at].ToCharArray();
        var i = 1 + _random.Next(chars.Length - 2);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        words[at] = new string(chars);
        return string.Join(' ', words);
    }

    private JsonObject Spread(JsonObject payload)
    {
        var user = (DiscordPayloads.UserId + (ulong)_random.Next(Users)).ToString(CultureInfo.InvariantCulture);
        payload["guild_id"] = (DiscordPayloads.GuildId + (ulong)_random.Next(Guilds)).ToString(CultureInfo.InvariantCulture);
        payload["member"]!["user"]!["id"] = user;
        return payload;
    }
}
