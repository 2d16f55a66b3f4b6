using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("  padded  ", "padded")]
    [InlineData("many   spaces\there", "many spaces here")]
    [InlineData("no\u00A0break", "no break")]
    [InlineData("thin\u2009space", "thin space")]
    [InlineData("bell\u0007 and\u0000null", "bell andnull")]
    [InlineData("zero\u200Bwidth soft\u00ADhyphen\uFEFF", "zerowidth softhyphen")]
    [InlineData("para one\n\n\n\npara two", "para one\n\npara two")]
    [InlineData("para one\n   \n\t\npara two", "para one\n\npara two")]
    [InlineData("line end   \n  ", "line end")]
    [InlineData("wrapped line\ncontinues here", "wrapped line\ncontinues here")]
    [InlineData("first paragraph.\n    Indented second.", "first paragraph.\n\nIndented second.")]
    [InlineData("“Curly” quotes — and dashes…", "“Curly” quotes — and dashes…")]
    [InlineData("", "")]
    public void Normalize_Raw_CleansForDisplay(string raw, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(raw));
    }

    [Fact]
    public void Normalize_DecomposedAccent_ComposesToNfc()
    {
        Assert.Equal("caf\u00E9", TextNormalizer.Normalize("cafe\u0301"));
    }

    [Fact]
    public void Normalize_SeedArticle_IsStableAndKeepsParagraphs()
    {
        var raw = SeedArticles.Read("000_7686bac24476dbc3.txt");
        var normalized = TextNormalizer.Normalize(raw);
        Assert.Equal(normalized, TextNormalizer.Normalize(normalized));
        Assert.Equal(raw.Split("\n\n").Length, normalized.Split("\n\n").Length);
        Assert.Contains("“beautiful letters”", normalized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Report: North Korean defector tells Trump he’s been duped", "report: north korean defector tells trump he's been duped")]
    [InlineData("“Pyöngyang”  —  Kim’s   letter…", "\"pyongyang\" - kim's letter...")]
    [InlineData("  Straße\n\nÆsir  ", "strasse aesir")]
    public void FoldForMatching_Text_FoldsForComparison(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.FoldForMatching(text));
    }
}
