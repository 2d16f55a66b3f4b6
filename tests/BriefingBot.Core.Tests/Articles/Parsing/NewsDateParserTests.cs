using BriefingBot.Core.Articles.Parsing;

namespace BriefingBot.Core.Tests.Articles.Parsing;

public sealed class NewsDateParserTests
{
    [Theory]
    [InlineData("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.7900000+00:00")]
    [InlineData(" 5-MAR-1987 09:08:25.12", "1987-03-05T09:08:25.1200000+00:00")]
    [InlineData("19-MAR-1987 12:34:56.78RM", "1987-03-19T12:34:56.7800000+00:00")]
    [InlineData("2019-05-01", "2019-05-01T00:00:00.0000000+00:00")]
    [InlineData("2019-05-01T10:30:00Z", "2019-05-01T10:30:00.0000000+00:00")]
    [InlineData("2019-05-01T10:30:00+02:00", "2019-05-01T10:30:00.0000000+02:00")]
    [InlineData("2019-05-01 10:30", "2019-05-01T10:30:00.0000000+00:00")]
    [InlineData("Wed, 01 May 2019 10:30:00 GMT", "2019-05-01T10:30:00.0000000+00:00")]
    [InlineData("Wed, 01 May 2019 10:30:00 +0200", "2019-05-01T10:30:00.0000000+02:00")]
    [InlineData("Wed, 01 May 2019 10:30:00 EDT", "2019-05-01T10:30:00.0000000-04:00")]
    [InlineData("May 1, 2019", "2019-05-01T00:00:00.0000000+00:00")]
    [InlineData("1 May 2019", "2019-05-01T00:00:00.0000000+00:00")]
    [InlineData("March 3 2019", "2019-03-03T00:00:00.0000000+00:00")]
    [InlineData("1556706600", "2019-05-01T10:30:00.0000000+00:00")]
    [InlineData("1556706600000", "2019-05-01T10:30:00.0000000+00:00")]
    public void Parse_KnownFormat_ReturnsUtcOrStatedOffset(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NewsDateParser.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("31-FEB-1987 10:00:00.00")]
    [InlineData("not a date at all")]
    public void Parse_UnknownOrInvalid_ReturnsNull(string? text)
    {
        Assert.Null(NewsDateParser.Parse(text));
    }
}
