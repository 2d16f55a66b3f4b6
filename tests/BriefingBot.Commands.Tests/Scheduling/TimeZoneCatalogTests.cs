using BriefingBot.Commands.Scheduling;

namespace BriefingBot.Commands.Tests.Scheduling;

public sealed class TimeZoneCatalogTests
{
    private readonly TimeZoneCatalog _catalog = new();

    [Theory]
    [InlineData("london", "Europe/London")]
    [InlineData("Europe/Lon", "Europe/London")]
    [InlineData("new york", "America/New_York")]
    [InlineData("new_york", "America/New_York")]
    [InlineData("Tokyo", "Asia/Tokyo")]
    [InlineData("londn", "Europe/London")]
    [InlineData("utc", "UTC")]
    public void Search_HowPeopleType_PutsTheZoneFirst(string typed, string expected)
    {
        var results = _catalog.Search(typed);

        Assert.Equal(expected, results[0]);
    }

    [Fact]
    public void Search_CountryName_FindsItsZones()
    {
        Assert.Contains("Asia/Tokyo", _catalog.Search("japan"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("America/")]
    public void Search_AnyInput_NeverMoreThanDiscordsLimit(string typed)
    {
        var results = _catalog.Search(typed);

        Assert.NotEmpty(results);
        Assert.True(results.Count <= TimeZoneCatalog.MaxResults);
    }

    [Fact]
    public void Search_Nonsense_ReturnsNothing()
    {
        Assert.Empty(_catalog.Search("qqqqzzzz"));
    }

    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("EUROPE/LONDON", "Europe/London")]
    [InlineData("US/Eastern", "US/Eastern")]
    public void Find_FullId_AnyCaseOrAlias_ReturnsZone(string id, string expected)
    {
        Assert.Equal(expected, _catalog.Find(id)?.Id);
    }

    [Fact]
    public void Find_CityName_IsNotAnId()
    {
        Assert.Null(_catalog.Find("London"));
    }
}
