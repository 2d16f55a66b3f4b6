using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("Kim Jong-un", "kim|jong|un")]
    [InlineData("year-end deadline", "year|end|deadline")]
    [InlineData("Pyöngyang", "pyongyang")]
    [InlineData("Café Müller naïve façade", "cafe|muller|naive|facade")]
    [InlineData("Straße Œuvre Ørsted Łódź", "strasse|oeuvre|orsted|lodz")]
    [InlineData("Trump's letter", "trump|letter")]
    [InlineData("Trump’s letter", "trump|letter")]
    [InlineData("the North’s nuclear sites", "the|north|nuclear|sites")]
    [InlineData("don't", "dont")]
    [InlineData("don’t won't can't isn't", "dont|wont|cant|isnt")]
    [InlineData("we'll you're they've I'd I'm", "we|you|they|i|i")]
    [InlineData("O'Brien rock'n'roll", "obrien|rocknroll")]
    [InlineData("the players' union", "the|players|union")]
    [InlineData("'quoted' words", "quoted|words")]
    [InlineData("the U.S. and the U.K.", "the|usa|and|the|uk")]
    [InlineData("US media giant", "usa|media|giant")]
    [InlineData("USA", "usa")]
    [InlineData("let us go", "let|us|go")]
    [InlineData("Us and them", "us|and|them")]
    [InlineData("the U.N. said", "the|un|said")]
    [InlineData("e.g. this, i.e. that", "eg|this|ie|that")]
    [InlineData("at 3 p.m. today", "at|3|pm|today")]
    [InlineData("George W. Bush", "george|w|bush")]
    [InlineData("J. R. R. Tolkien", "j|r|r|tolkien")]
    [InlineData("in 1987.", "in|1987")]
    [InlineData("rose 3.5% to 2.27", "rose|3.5|to|2.27")]
    [InlineData("155,221 bags", "155221|bags")]
    [InlineData("1,750.5 dlrs", "1750.5|dlrs")]
    [InlineData("lists 1,2,3", "lists|1|2|3")]
    [InlineData("$1.13bn (£600m)", "1.13bn|600m")]
    [InlineData("the 1980s and 1990's", "the|1980s|and|1990")]
    [InlineData("COVID-19", "covid|19")]
    [InlineData("June/July", "june|july")]
    [InlineData("end. Next", "end|next")]
    [InlineData("No.1 seed", "no|1|seed")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("", "")]
    [InlineData("  — … !? ", "")]
    public void Tokenize_Text_ProducesFoldedTokens(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join('|', tokens.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("Kim Jong-un", "Kim|Jong|un")]
    [InlineData("Trump’s letter", "Trump|letter")]
    [InlineData("don't stop", "don't|stop")]
    [InlineData("to the U.S. The", "to|the|U.S.|The")]
    [InlineData("155,221 bags", "155,221|bags")]
    [InlineData("Pyöngyang, 3.5.", "Pyöngyang|3.5")]
    public void Tokenize_Text_SpansPointIntoOriginal(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join('|', tokens.Select(t => text.Substring(t.Start, t.Length))));
    }

    [Fact]
    public void Tokenize_VeryLongRun_CutsFoldedTextButSpansWholeRun()
    {
        var text = "x " + new string('a', 200) + " y";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(3, tokens.Count);
        Assert.Equal(Tokenizer.MaxTokenLength, tokens[1].Text.Length);
        Assert.Equal(200, tokens[1].Length);
        Assert.Equal("y", tokens[2].Text);
    }

    [Fact]
    public void Tokenize_IntoExistingList_Appends()
    {
        var tokens = new List<Token> { new("first", 0, 5) };
        Tokenizer.Tokenize("second third", tokens);
        Assert.Equal(["first", "second", "third"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_SeedArticle_EveryTokenIsFoldedAndInsideText()
    {
        var body = SeedArticles.Read("000_7686bac24476dbc3.txt");
        var tokens = Tokenizer.Tokenize(body);
        Assert.True(tokens.Count > 500);
        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, 0, body.Length - token.Length);
            Assert.Equal(token.Text, token.Text.ToLowerInvariant());
            Assert.DoesNotContain('’', token.Text);
        }

        Assert.Contains(tokens, t => t.Text == "usa");
        Assert.Contains(tokens, t => t.Text == "denuclearization");
        Assert.DoesNotContain(tokens, t => t.Text is "s" or "jong-un");
    }
}
