using FuzzySharp;
using NodaTime;
using NodaTime.TimeZones;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// The IANA zones users can pick from, searchable the way people type them: an id prefix (<c>Europe/Lo</c>), a city
/// (<c>london</c>, <c>new york</c>), a country (<c>japan</c>), or a near miss (<c>Londn</c>). Autocomplete offers
/// canonical ids only, while any Tzdb id (including aliases such as <c>US/Eastern</c>) is accepted when typed in full.
/// </summary>
public sealed class TimeZoneCatalog
{
    /// <summary>Discord's cap on autocomplete choices.</summary>
    public const int MaxResults = 25;

    private const int FuzzyThreshold = 75;

    private static readonly string[] Popular =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
        "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Kyiv", "Europe/Moscow",
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
        "America/Sao_Paulo", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
        "Pacific/Auckland",
    ];

    private readonly IDateTimeZoneProvider _provider;
    private readonly Dictionary<string, string> _idsIgnoringCase;
    private readonly Entry[] _entries;

    public TimeZoneCatalog()
        : this(DateTimeZoneProviders.Tzdb, TzdbDateTimeZoneSource.Default)
    {
    }

    public TimeZoneCatalog(IDateTimeZoneProvider provider, TzdbDateTimeZoneSource source)
    {
        _provider = provider;
        _idsIgnoringCase = provider.Ids.ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);
        var countries = (source.ZoneLocations ?? [])
            .GroupBy(l => l.ZoneId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().CountryName, StringComparer.Ordinal);
        // Tzdb counts "UTC" as an alias of Etc/UTC, but it is what people type, so it is offered too.
        _entries = source.CanonicalIdMap.Values
            .Where(id => id.Contains('/', StringComparison.Ordinal))
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Where(provider.Ids.Contains)
            .Order(StringComparer.Ordinal)
            .Select(id => new Entry(id, Fold(id), Fold(id[(id.LastIndexOf('/') + 1)..]), Fold(countries.GetValueOrDefault(id) ?? string.Empty)))
            .ToArray();
    }

    /// <summary>The zone for an id typed in full (any case), or null.</summary>
    public DateTimeZone? Find(string id) =>
        _idsIgnoringCase.TryGetValue(id.Trim(), out var exact) ? _provider[exact] : null;

    /// <summary>Best matches for what has been typed so far, best first; popular zones when nothing is typed.</summary>
    public IReadOnlyList<string> Search(string typed, int max = MaxResults)
    {
        max = Math.Clamp(max, 0, MaxResults);
        var query = Fold(typed);
        if (query.Length == 0)
        {
            return Popular.Where(_idsIgnoringCase.ContainsKey).Take(max).ToArray();
        }

        return _entries
            .Select(e => (e.Id, Score: Score(e, query)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Id)
            .ToArray();
    }

    /// <summary>A few close ids for an unknown one, for "did you mean" messages.</summary>
    public IReadOnlyList<string> Suggest(string typed, int max) => Search(typed, max);

    private static int Score(Entry entry, string query)
    {
        if (entry.Folded == query)
        {
            return 1000;
        }

        if (entry.City == query)
        {
            return 900;
        }

        if (entry.Folded.StartsWith(query, StringComparison.Ordinal))
        {
            return 800;
        }

        if (entry.City.StartsWith(query, StringComparison.Ordinal))
        {
            return 700;
        }

        if (entry.Country.Length > 0 && entry.Country.StartsWith(query, StringComparison.Ordinal))
        {
            return 600;
        }

        if (entry.Folded.Contains(query, StringComparison.Ordinal))
        {
            return 500;
        }

        // Near misses ("londn", "Europe/Londn"): compare with the city, the part people remember, and the whole id.
        var slash = query.LastIndexOf('/');
        var ratio = Math.Max(Fuzz.Ratio(query, entry.Folded), Fuzz.Ratio(slash < 0 ? query : query[(slash + 1)..], entry.City));
        return query.Length >= 3 && ratio >= FuzzyThreshold ? ratio : 0;
    }

    /// <summary>Lower case, with spaces and underscores alike, so "new york" matches <c>America/New_York</c>.</summary>
    private static string Fold(string text) =>
        text.Trim().Replace(' ', '_').ToLowerInvariant();

    private sealed record Entry(string Id, string Folded, string City, string Country);
}
