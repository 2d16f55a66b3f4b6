using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// Parses the date formats news files actually carry: ISO 8601, RFC 1123/822 feed dates, "March 3, 2019",
/// Reuters-21578's "26-FEB-1987 15:01:01.79" and Unix epoch numbers. Dates without a zone are taken as UTC.
/// </summary>
internal static partial class NewsDateParser
{
    private static readonly string[] ExactFormats =
    [
        "yyyyMMdd'T'HHmmss'Z'",
        "yyyyMMdd",
        "MMMM d yyyy",
        "MMM d yyyy",
        "d MMMM yyyy",
        "d MMM yyyy",
        "dddd, MMMM d, yyyy",
    ];

    // North-American zone abbreviations still appear in feeds (RFC 822 allows them); other abbreviations are ambiguous.
    private static readonly FrozenDictionary<string, string> ZoneAbbreviations = new Dictionary<string, string>
    {
        ["GMT"] = "+00:00", ["UTC"] = "+00:00", ["UT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (TryReuters(text, out var reuters))
        {
            return reuters;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return FromEpoch(epoch);
        }

        text = NormalizeZone(text);
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return parsed;
        }

        var withoutCommas = text.Replace(",", string.Empty, StringComparison.Ordinal);
        return DateTimeOffset.TryParseExact(withoutCommas, ExactFormats, CultureInfo.InvariantCulture, styles, out parsed)
            || DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture, styles, out parsed)
            ? parsed
            : null;
    }

    /// <summary>Seconds since 1970, or milliseconds when the number is too large to be seconds (JSON feeds use both).</summary>
    public static DateTimeOffset? FromEpoch(long epoch)
    {
        const long maxSeconds = 253_402_300_799; // 9999-12-31
        try
        {
            return epoch <= maxSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool TryReuters(string text, out DateTimeOffset value)
    {
        // Reuters-21578 appends stray letters after the centiseconds in ~500 records ("15:01:01.79F"), so match a prefix.
        value = default;
        var match = ReutersPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var month = Array.FindIndex(
            CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
            m => m.Length > 0 && string.Equals(m, match.Groups["mon"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        var centis = match.Groups["f"].Success ? int.Parse(match.Groups["f"].Value.PadRight(2, '0'), CultureInfo.InvariantCulture) : 0;
        if (month == 0 || day > DateTime.DaysInMonth(year, month) || day == 0 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, centis * 10, TimeSpan.Zero);
        return true;
    }

    private static string NormalizeZone(string text)
    {
        var match = TrailingZone().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var zone = match.Groups["zone"].Value;
        string? offset = null;
        if (ZoneAbbreviations.TryGetValue(zone, out var known))
        {
            offset = known;
        }
        else if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            offset = $"{zone[..3]}:{zone[3..]}";
        }

        return offset is null ? text : string.Concat(text.AsSpan(0, match.Groups["zone"].Index).TrimEnd(), " ", offset);
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})-(?<mon>[A-Za-z]{3})-(?<y>\d{4})\s+(?<h>\d{1,2}):(?<m>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,2}))?", RegexOptions.CultureInvariant)]
    private static partial Regex ReutersPattern();

    [GeneratedRegex(@"\d\s*(?<zone>[A-Za-z]{1,3}|[+-]\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZone();
}
