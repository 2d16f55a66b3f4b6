using BriefingBot.Commands.Scheduling;
using NodaTime;

namespace BriefingBot.Commands.Tests.Scheduling;

public sealed class DailyPostTimeTests
{
    private static readonly TimeZoneCatalog Zones = new();

    [Theory]
    [InlineData("Europe/London", "01:30", "2026-03-29", "2026-03-29T01:30:00Z")] // gap: 01:30 GMT does not exist, runs at 02:30 BST
    [InlineData("Europe/London", "01:30", "2026-10-25", "2026-10-25T00:30:00Z")] // repeated hour: the earlier 01:30 (BST)
    [InlineData("America/New_York", "02:30", "2026-03-08", "2026-03-08T07:30:00Z")] // gap: runs at 03:30 EDT
    [InlineData("America/New_York", "01:30", "2026-11-01", "2026-11-01T05:30:00Z")] // repeated hour: 01:30 EDT
    [InlineData("Europe/London", "08:00", "2026-07-01", "2026-07-01T07:00:00Z")]
    [InlineData("Asia/Tokyo", "08:00", "2026-07-01", "2026-06-30T23:00:00Z")]
    public void OccurrenceOn_DaylightSavingChanges_ResolvesToOneInstant(string zone, string time, string date, string expectedUtc)
    {
        var schedule = Create(time, zone);

        var occurrence = schedule.OccurrenceOn(LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), occurrence.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("Europe/London", "01:30", "2026-03-28T12:00:00Z", "2026-03-29T01:30:00Z")]
    [InlineData("Europe/London", "01:30", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")] // the second 01:30 that day is skipped
    [InlineData("America/New_York", "01:30", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z")]
    [InlineData("America/New_York", "02:30", "2026-03-08T07:29:00Z", "2026-03-08T07:30:00Z")]
    public void NextOccurrenceAfter_AroundDaylightSavingChanges_SkipsNothingAndRepeatsNothing(string zone, string time, string after, string expectedUtc)
    {
        var schedule = Create(time, zone);

        var next = schedule.NextOccurrenceAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("Europe/London", "01:30", "2026-03-27T00:00:00Z")]
    [InlineData("Europe/London", "01:30", "2026-10-23T00:00:00Z")]
    [InlineData("America/New_York", "02:30", "2026-03-06T00:00:00Z")]
    [InlineData("America/New_York", "01:30", "2026-10-30T00:00:00Z")]
    public void NextOccurrenceAfter_WalkedAcrossAChange_GivesOneOccurrencePerLocalDate(string zone, string time, string start)
    {
        var schedule = Create(time, zone);
        var moment = Instant.FromDateTimeOffset(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var dates = new List<LocalDate>();

        for (var i = 0; i < 6; i++)
        {
            var next = schedule.NextOccurrenceAfter(moment);
            dates.Add(next.Date);
            moment = next.ToInstant();
        }

        Assert.Equal(dates.Distinct().Count(), dates.Count);
        Assert.Equal(5, Period.Between(dates[0], dates[^1], PeriodUnits.Days).Days);
    }

    [Fact]
    public void LatestOccurrenceAtOrBefore_AtTheOccurrence_ReturnsIt()
    {
        var schedule = Create("08:00", "Europe/London");
        var at = Instant.FromUtc(2026, 7, 1, 7, 0);

        Assert.Equal(at, schedule.LatestOccurrenceAtOrBefore(at).ToInstant());
        Assert.Equal(Instant.FromUtc(2026, 6, 30, 7, 0), schedule.LatestOccurrenceAtOrBefore(at - Duration.FromSeconds(1)).ToInstant());
    }

    [Theory]
    [InlineData("25:00", "25:00 is not a time (use HH:mm, 24-hour)")]
    [InlineData("08:60", "08:60 is not a time (use HH:mm, 24-hour)")]
    [InlineData("8am", "8am is not a time (use HH:mm, 24-hour)")]
    [InlineData("", "An empty value is not a time (use HH:mm, 24-hour)")]
    public void TryParseTime_Invalid_ExplainsTheFormat(string text, string expected)
    {
        Assert.False(DailyPostTime.TryParseTime(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("08:00", 8, 0)]
    [InlineData("8:05", 8, 5)]
    [InlineData("23:59", 23, 59)]
    [InlineData("00:00", 0, 0)]
    public void TryParseTime_Valid_ParsesHoursAndMinutes(string text, int hour, int minute)
    {
        Assert.True(DailyPostTime.TryParseTime(text, out var time, out _));
        Assert.Equal(new LocalTime(hour, minute), time);
    }

    [Fact]
    public void TryCreate_UnknownZone_SuggestsCloseIds()
    {
        Assert.False(DailyPostTime.TryCreate("08:00", "Europe/Londn", Zones, out _, out var problem));

        Assert.Contains("Europe/Londn is not a time zone I know", problem, StringComparison.Ordinal);
        Assert.Contains(". Did you mean Europe/London", problem, StringComparison.Ordinal); // the closest first
    }

    [Fact]
    public void TryCreate_ZoneInOtherCase_AcceptsCanonicalId()
    {
        Assert.True(DailyPostTime.TryCreate("08:00", "europe/london", Zones, out var schedule, out _));
        Assert.Equal("08:00 Europe/London", schedule!.ToString());
    }

    private static DailyPostTime Create(string time, string zone)
    {
        Assert.True(DailyPostTime.TryCreate(time, zone, Zones, out var schedule, out var problem), problem);
        return schedule!;
    }
}
