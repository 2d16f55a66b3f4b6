using System.Globalization;
using BriefingBot.Testing.Feeds;

namespace BriefingBot.Benchmarks.Feeds;

/// <summary>
/// One benchmark feed: items of plausible news prose (about 120 words), each carrying a made-up word no other item
/// has, so a question about it has exactly one right answer.
/// </summary>
internal sealed class SyntheticFeed(int index, FakeFeedServer server, string path)
{
    private static readonly string[] Towns = ["Alderford", "Bramwick", "Carrow", "Dunmere", "Eastholm", "Fennick", "Galloway", "Harrowgate", "Ivybridge", "Kelsford"];
    private static readonly string[] Things = ["bridge", "library", "tram line", "harbour wall", "school", "clinic", "market hall", "cycle path", "flood barrier", "theatre"];
    private readonly List<TestFeedItem> _items = [];
    private readonly object _sync = new();

    public string Path { get; } = path;

    public Uri Url => server.Url(Path);

    public static string Marker(int feed, int item)
    {
        // Letters only, so the tokenizer keeps it one word: "quv" + base-26 of a unique number.
        var n = feed * 100_000 + item;
        var letters = new char[6];
        for (var i = letters.Length - 1; i >= 0; i--)
        {
            letters[i] = (char)('a' + (n % 26));
            n /= 26;
        }

        return "quv" + new string(letters);
    }

    public static string Question(string marker) => $"How much will the {marker} project cost?";

    public (string Marker, string Title) Add(DateTimeOffset published)
    {
        lock (_sync)
        {
            var n = _items.Count;
            var marker = Marker(index, n);
            var town = Towns[(index + n) % Towns.Length];
            var thing = Things[(index * 7 + n) % Things.Length];
            var title = string.Create(CultureInfo.InvariantCulture, $"{town} approves {thing} plan {marker}");
            var body = string.Create(CultureInfo.InvariantCulture, $"""
                <p>Councillors in {town} voted on Tuesday to approve plans for a new {thing}, ending months of debate over its design and cost.</p>
                <p>Officials said the {marker} project would cost {3 + (n % 40)} million pounds and take two years to finish.</p>
                <p>Residents who spoke at the meeting were divided, with some welcoming the investment and others worried about disruption during construction.</p>
                <p>The council leader said the work would start in the spring and that local firms would be invited to bid for the contracts.</p>
                <p>A public exhibition of the designs will be held at the town hall next month, the council said in a statement.</p>
                """);
            _items.Insert(0, new TestFeedItem(title, published)
            {
                Guid = $"urn:bench:{index}:{n}",
                Link = $"https://bench{index}.example.org/news/{n}",
                ContentHtml = body,
                Author = "Bench Reporter",
                Categories = ["Local"],
            });
            server.Serve(Path, FeedDocuments.Rss($"Bench Gazette {index}", _items.Take(60)));
            return (marker, title);
        }
    }
}
