using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Tests.Replies;

public sealed class ReplyFitterTests
{
    private static string Sentences(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"This is sentence number {i} of a long text."));

    [Fact]
    public void Fit_LongContent_KeepsItWithinTwoThousandCharactersAtASentence()
    {
        var reply = ReplyFitter.Fit(Reply.Text(Sentences(200)));

        Assert.True(reply.Content!.Length <= ReplyLimits.Content);
        Assert.EndsWith(".", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LongDescriptionAndManyFields_RespectsEveryEmbedLimit()
    {
        var embed = new ReplyEmbed
        {
            Title = new string('t', 300),
            Description = Sentences(300),
            Fields = Enumerable.Range(0, 40).Select(i => new ReplyField("Field " + i, Sentences(40))).ToArray(),
            Footer = Sentences(100),
        };

        var fitted = ReplyFitter.Fit(new Reply { Embeds = [embed] }).Embeds.Single();

        Assert.True(fitted.Title!.Length <= ReplyLimits.EmbedTitle);
        Assert.True(fitted.Description!.Length <= ReplyLimits.EmbedDescription);
        Assert.True(fitted.Fields.Count <= ReplyLimits.FieldsPerEmbed);
        Assert.All(fitted.Fields, f => Assert.True(f.Value.Length <= ReplyLimits.FieldValue));
        Assert.True(ReplyFitter.CountEmbedCharacters([fitted]) <= ReplyLimits.TotalEmbedCharacters);
    }

    [Fact]
    public void Fit_TooManyEmbeds_KeepsTheTotalUnderSixThousand()
    {
        var embeds = Enumerable.Range(0, 12).Select(i => new ReplyEmbed { Title = "Embed " + i, Description = Sentences(30) }).ToArray();

        var fitted = ReplyFitter.Fit(new Reply { Embeds = embeds });

        Assert.True(fitted.Embeds.Count <= ReplyLimits.EmbedsPerMessage);
        Assert.True(ReplyFitter.CountEmbedCharacters(fitted.Embeds) <= ReplyLimits.TotalEmbedCharacters);
        Assert.Equal("Embed 0", fitted.Embeds[0].Title);
    }

    [Fact]
    public void Fit_ButtonsWithoutTargetOrWithOversizedIds_AreDropped()
    {
        var reply = new Reply
        {
            Content = "x",
            Buttons =
            [
                new ReplyButton("ok") { CustomId = "ask|question=a" },
                new ReplyButton("no target"),
                new ReplyButton("too long") { CustomId = new string('a', 101) },
                new ReplyButton("link") { Url = "https://example.com" },
            ],
        };

        var fitted = ReplyFitter.Fit(reply);

        Assert.Equal(["ok", "link"], fitted.Buttons.Select(b => b.Label));
    }

    [Fact]
    public void Fit_EmptyReply_GetsTextSoDiscordAcceptsIt()
    {
        Assert.False(string.IsNullOrWhiteSpace(ReplyFitter.Fit(new Reply()).Content));
    }
}
