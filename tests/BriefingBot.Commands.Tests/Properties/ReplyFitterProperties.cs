using BriefingBot.Commands.Replies;
using BriefingBot.Testing;
using CsCheck;

namespace BriefingBot.Commands.Tests.Properties;

/// <summary>Whatever a handler produces, the fitted reply is inside every Discord limit and no text is cut mid-word.</summary>
public sealed class ReplyFitterProperties
{
    private static readonly Gen<string> Word = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’é"].Array[1, 14].Select(chars => new string(chars));
    private static readonly Gen<string> Separator = Gen.OneOf<string>(" ", " ", " ", ". ", ", ", "! ", "\n", "? ", " — ", "” ");

    private static Gen<string> Text(int maxWords) =>
        Gen.Select(Word.Array[0, maxWords], Separator.Array[maxWords], (words, separators) =>
            string.Concat(words.Select((w, i) => w + separators[i])).TrimEnd());

    private static readonly Gen<ReplyField> Field = Gen.Select(Text(40), Text(250), Gen.Bool, (name, value, inline) => new ReplyField(name, value, inline));

    private static readonly Gen<ReplyEmbed> Embed = Gen.Select(Text(60).Null(), Text(900).Null(), Field.Array[0, 30], Text(400).Null(), Text(50).Null(), (title, description, fields, footer, author) =>
        new ReplyEmbed { Title = title, Description = description, Fields = fields, Footer = footer, Author = author });

    private static readonly Gen<ReplyButton> Button = Gen.Select(Text(25), Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[0, 120].Select(chars => new string(chars)), (label, id) => new ReplyButton(label) { CustomId = id });

    private static readonly Gen<Reply> AnyReply = Gen.Select(Text(500).Null(), Embed.Array[0, 12], Button.Array[0, 30], (content, embeds, buttons) =>
        new Reply { Content = content, Embeds = embeds, Buttons = buttons });

    [Fact]
    public void Fit_NeverExceedsAnyLimit() => PropertyCheck.Run(AnyReply, reply =>
    {
        var fitted = ReplyFitter.Fit(reply);

        Assert.True(fitted.Content is null || fitted.Content.Length <= ReplyLimits.Content);
        Assert.True(fitted.Embeds.Count <= ReplyLimits.EmbedsPerMessage);
        Assert.True(ReplyFitter.CountEmbedCharacters(fitted.Embeds) <= ReplyLimits.TotalEmbedCharacters);
        Assert.All(fitted.Embeds, e =>
        {
            Assert.True((e.Title?.Length ?? 0) <= ReplyLimits.EmbedTitle);
            Assert.True((e.Description?.Length ?? 0) <= ReplyLimits.EmbedDescription);
            Assert.True((e.Footer?.Length ?? 0) <= ReplyLimits.Footer);
            Assert.True((e.Author?.Length ?? 0) <= ReplyLimits.AuthorName);
            Assert.True(e.Fields.Count <= ReplyLimits.FieldsPerEmbed);
            Assert.All(e.Fields, f => Assert.True(f.Name.Length <= ReplyLimits.FieldName && f.Value.Length <= ReplyLimits.FieldValue));
        });
        Assert.True(fitted.Buttons.Count <= ReplyLimits.ButtonsPerRow * ReplyLimits.ButtonRows);
        Assert.All(fitted.Buttons, b => Assert.True(b.Label.Length <= ReplyLimits.ButtonLabel && b.CustomId!.Length is > 0 and <= ReplyLimits.CustomId));
        Assert.False(string.IsNullOrWhiteSpace(fitted.Content) && fitted.Embeds.Count == 0);
    });

    [Fact]
    public void Fit_CutsOnlyBetweenWords() => PropertyCheck.Run(AnyReply, reply =>
    {
        var fitted = ReplyFitter.Fit(reply);

        if (reply.Content is { } content)
        {
            AssertCleanCut(content, fitted.Content!);
        }

        foreach (var (original, kept) in reply.Embeds.Zip(fitted.Embeds))
        {
            AssertCleanCut(original.Title, kept.Title);
            AssertCleanCut(original.Description, kept.Description);
            AssertCleanCut(original.Footer, kept.Footer);
            foreach (var (field, keptField) in original.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Name) && !string.IsNullOrWhiteSpace(f.Value)).Zip(kept.Fields))
            {
                AssertCleanCut(field.Value, keptField.Value);
            }
        }
    });

    [Fact]
    public void Cut_IsAPrefixEndingAtAWordBoundary() => PropertyCheck.Run(Gen.Select(Text(300), Gen.Int[2, 2500]), input =>
    {
        var (text, max) = input;

        var cut = TextCutter.Cut(text, max);

        Assert.True(cut.Length <= max);
        AssertCleanCut(text, cut);
    });

    /// <summary>The kept text is the original, or a prefix of it (plus "…") that does not end inside a word.</summary>
    private static void AssertCleanCut(string? original, string? kept)
    {
        if (original is null || kept is null || kept == original)
        {
            return;
        }

        var prefix = kept.EndsWith('…') ? kept[..^1] : kept;
        Assert.StartsWith(prefix, original, StringComparison.Ordinal);
        var midWord = prefix.Length > 0 && prefix.Length < original.Length
            && char.IsLetterOrDigit(prefix[^1]) && char.IsLetterOrDigit(original[prefix.Length]);
        Assert.False(midWord, $"cut inside a word at {prefix.Length}: …{prefix[Math.Max(0, prefix.Length - 20)..]}|{original[prefix.Length..Math.Min(original.Length, prefix.Length + 20)]}");
    }
}
