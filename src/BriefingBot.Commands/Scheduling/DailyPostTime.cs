using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// "Every day at this local time in this IANA zone". Daylight-saving changes are resolved leniently: a time that does
/// not exist that day (the spring-forward gap) happens once, shifted forward by the gap; a time that happens twice
/// (the fall-back hour) happens once, at its earlier occurrence. Either way there is exactly one occurrence per date.
/// </summary>
public sealed record DailyPostTime(LocalTime Time, DateTimeZone Zone)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public string ZoneId => Zone.Id;

    /// <summary>The time as typed back to users: <c>08:00</c>.</summary>
    public string TimeText => TimePattern.Format(Time);

    /// <summary>When the digest of <paramref name="date"/> is due.</summary>
    public ZonedDateTime OccurrenceOn(LocalDate date) => Zone.ResolveLocal(date + Time, Resolvers.LenientResolver);

    /// <summary>The first occurrence strictly after <paramref name="instant"/>.</summary>
    public ZonedDateTime NextOccurrenceAfter(Instant instant)
    {
        // A shifted occurrence can cross midnight (a gap just before 24:00), so the neighbouring dates are checked too.
        var date = instant.InZone(Zone).Date;
        return Candidates(date).Where(z => z.ToInstant() > instant).MinBy(z => z.ToInstant());
    }

    public DateTimeOffset NextOccurrenceAfter(DateTimeOffset moment) =>
        NextOccurrenceAfter(Instant.FromDateTimeOffset(moment)).ToDateTimeOffset();

    /// <summary>The last occurrence at or before <paramref name="instant"/>: the slot a scheduler waking now owes.</summary>
    public ZonedDateTime LatestOccurrenceAtOrBefore(Instant instant)
    {
        var date = instant.InZone(Zone).Date;
        return Candidates(date).Where(z => z.ToInstant() <= instant).MaxBy(z => z.ToInstant());
    }

    public override string ToString() => $"{TimeText} {ZoneId}";

    /// <summary>Parses <c>HH:mm</c> (24-hour; one-digit hours allowed) with a message a user can act on.</summary>
    public static bool TryParseTime(string? text, out LocalTime time, out string? problem)
    {
        time = default;
        var trimmed = (text ?? string.Empty).Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon is 1 or 2 && trimmed.Length == colon + 3
            && int.TryParse(trimmed.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            && int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59)
        {
            time = new LocalTime(hour, minute);
            problem = null;
            return true;
        }

        problem = $"{(trimmed.Length == 0 ? "An empty value" : trimmed)} is not a time (use HH:mm, 24-hour)";
        return false;
    }

    /// <summary>Validates a time and a zone id together; the problem names what to fix and suggests close zone ids.</summary>
    public static bool TryCreate(string? time, string? zoneId, TimeZoneCatalog zones, out DailyPostTime? schedule, out string? problem)
    {
        schedule = null;
        if (!TryParseTime(time, out var localTime, out problem))
        {
            return false;
        }

        var zone = zones.Find(zoneId ?? string.Empty);
        if (zone is null)
        {
            var suggestions = zones.Suggest(zoneId ?? string.Empty, 3);
            problem = $"{(string.IsNullOrWhiteSpace(zoneId) ? "An empty value" : zoneId.Trim())} is not a time zone I know (use an IANA id such as Europe/London)"
                + (suggestions.Count > 0 ? $". Did you mean {string.Join(", ", suggestions)}?" : string.Empty);
            return false;
        }

        schedule = new DailyPostTime(localTime, zone);
        return true;
    }

    private IEnumerable<ZonedDateTime> Candidates(LocalDate date) =>
        [OccurrenceOn(date.PlusDays(-1)), OccurrenceOn(date), OccurrenceOn(date.PlusDays(1))];
}
