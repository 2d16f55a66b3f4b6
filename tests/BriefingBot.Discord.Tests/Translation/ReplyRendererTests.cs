using BriefingBot.Commands.Replies;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Translation;

namespace BriefingBot.Discord.Tests.Translation;

public sealed class ReplyRendererTests
{
    private readonly ReplyRenderer _renderer = new();

    [Theory]
    [InlineData(false, true, null)]
    [InlineData(true, true, MessageFlags.Ephemeral)]
    [InlineData(true, false, null)]
    public void Render_EphemeralReply_SetsFlagOnlyWhereAllowed(bool ephemeral, bool allowEphemeral, int? expectedFlags)
    {
        var message = _renderer.Render(Reply.Text("hello", ephemeral), allowEphemeral);

        Assert.Equal(expectedFlags, message.Flags);
    }

    [Fact]
    public void Render_AnyReply_AllowsNoMentions()
    {
        var message = _renderer.Render(Reply.Text("@everyone <@123> look"));

        Assert.NotNull(message.AllowedMentions);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public void Render_ContentOverLimit_FitsInto2000Characters()
    {
        var message = _renderer.Render(Reply.Text(string.Join(' ', Enumerable.Repeat("word", 1000))));

        Assert.InRange(message.Content!.Length, 1, ReplyLimits.Content);
    }

    [Fact]
    public void Render_EmbedsOverTotalLimit_FitsInto6000Characters()
    {
        var big = new ReplyEmbed { Title = "t", Description = new string('a', 4000), Fields = [new ReplyField("n", new string('b', 1000))] };

        var message = _renderer.Render(new Reply { Embeds = [big, big, big] });

        var total = message.Embeds!.Sum(e => (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0));
        Assert.InRange(total, 1, ReplyLimits.TotalEmbedCharacters);
    }

    [Fact]
    public void Render_SevenButtons_LaysThemOutInRowsOfFive()
    {
        var buttons = Enumerable.Range(1, 7).Select(i => new ReplyButton($"Page {i}") { CustomId = $"ask|page={i}" }).ToArray();

        var message = _renderer.Render(new Reply { Content = "pages", Buttons = buttons });

        Assert.Equal([5, 2], message.Components!.Select(row => row.Components!.Count));
        Assert.All(message.Components!, row => Assert.Equal(JsonComponent.ActionRowType, row.Type));
        Assert.Equal("ask|page=6", message.Components![1].Components![0].CustomId);
    }

    [Fact]
    public void Render_LinkButton_HasUrlAndNoCustomId()
    {
        var message = _renderer.Render(new Reply { Content = "x", Buttons = [new ReplyButton("Read") { Url = "https://news.example/a", Style = ReplyButtonStyle.Link }] });

        var button = message.Components![0].Components![0];
        Assert.Equal(5, button.Style);
        Assert.Equal("https://news.example/a", button.Url);
        Assert.Null(button.CustomId);
    }

    [Fact]
    public void Render_EmbedWithInvalidUrl_DropsUrlAndKeepsRest()
    {
        var message = _renderer.Render(new Reply { Embeds = [new ReplyEmbed { Title = "T", Url = "javascript:alert(1)", Footer = "F", Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) }] });

        var embed = message.Embeds![0];
        Assert.Null(embed.Url);
        Assert.Equal("F", embed.Footer!.Text);
        Assert.Equal("2026-01-02T03:04:05.000Z", embed.Timestamp);
        Assert.Equal("rich", embed.Type);
    }

    [Fact]
    public void Render_EmptyReply_StillHasContent()
    {
        var message = _renderer.Render(new Reply());

        Assert.False(string.IsNullOrWhiteSpace(message.Content));
    }

    [Fact]
    public void RenderEdit_ReplyWithoutButtons_ClearsOldComponentsAndEmbeds()
    {
        var message = _renderer.RenderEdit(Reply.Text("done"));

        Assert.Empty(message.Components!);
        Assert.Empty(message.Embeds!);
        Assert.Null(message.Flags);
        Assert.Empty(message.AllowedMentions!.Parse);
    }
}
