using System.ComponentModel.DataAnnotations;
using BriefingBot.Core.Articles;

namespace BriefingBot.Core.Tests.Articles;

public sealed class ContentOptionsTests
{
    [Fact]
    public void Defaults_AreSeedsAnd64MiB()
    {
        var options = new ContentOptions();

        Assert.Equal("Content", ContentOptions.SectionName);
        Assert.Equal("seeds", options.Folder);
        Assert.Equal(64L * 1024 * 1024, options.MaxFileBytes);
        Assert.True(Validate(options).Count == 0);
    }

    [Theory]
    [InlineData("", 1, nameof(ContentOptions.Folder))]
    [InlineData("seeds", 0, nameof(ContentOptions.MaxFileBytes))]
    [InlineData("seeds", -5, nameof(ContentOptions.MaxFileBytes))]
    public void Validate_InvalidValue_NamesTheMember(string folder, long maxFileBytes, string member)
    {
        var errors = Validate(new ContentOptions { Folder = folder, MaxFileBytes = maxFileBytes });

        Assert.Contains(errors, e => e.MemberNames.Contains(member));
    }

    private static List<ValidationResult> Validate(ContentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
