using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Analyze_Sentence_StemsMarksStopWordsAndCountsPositions()
    {
        var terms = TextAnalyzer.Analyze("The defector’s warnings were ignored by the U.S.");

        Assert.Equal(["the", "defector", "warn", "were", "ignor", "by", "the", "usa"], terms.Select(t => t.Stem));
        Assert.Equal([true, false, false, true, false, true, true, false], terms.Select(t => t.IsStopWord));
        Assert.Equal(Enumerable.Range(0, 8), terms.Select(t => t.Position));
        Assert.Equal("defector", terms[1].Token.Text);
    }

    [Theory]
    [InlineData("Who denuclearized?", "North Korea's denuclearization")]
    [InlineData("sanctions", "sanctioned")]
    [InlineData("Jong Un", "Jong-un")]
    [InlineData("US", "U.S.")]
    [InlineData("Pyongyang", "PYÖNGYANG")]
    public void Analyze_QuestionAndArticleWording_ShareStems(string question, string article)
    {
        var questionStems = TextAnalyzer.Analyze(question).Where(t => !t.IsStopWord).Select(t => t.Stem).ToHashSet();
        var articleStems = TextAnalyzer.Analyze(article).Select(t => t.Stem);
        Assert.Contains(articleStems, questionStems.Contains);
    }

    [Fact]
    public void Analyze_WithCache_MatchesPlainPipelineAndSharesStrings()
    {
        var body = SeedArticles.Read("000_7686bac24476dbc3.txt");
        var cache = new TermCache();
        var output = new List<AnalyzedTerm>();

        TextAnalyzer.Analyze(body, output, cache);

        var plain = TextAnalyzer.Analyze(body);
        Assert.Equal(plain, output);
        var firstThe = output.First(t => t.Token.Text == "the");
        var lastThe = output.Last(t => t.Token.Text == "the");
        Assert.Same(firstThe.Token.Text, lastThe.Token.Text);
        Assert.True(cache.Count < output.Count);
    }

    [Fact]
    public void Analyze_FullCache_StillAnalysesNewWords()
    {
        var cache = new TermCache(maxEntries: 1);
        var output = new List<AnalyzedTerm>();

        TextAnalyzer.Analyze("running jumped walking", output, cache);

        Assert.Equal(["run", "jump", "walk"], output.Select(t => t.Stem));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Analyze_TokensMatchTokenizer()
    {
        const string text = "Kim Jong-un’s “psychological warfare” campaign, 3.5 times larger.";
        Assert.Equal(Tokenizer.Tokenize(text), TextAnalyzer.Analyze(text).Select(t => t.Token));
    }
}
