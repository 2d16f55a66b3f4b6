using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Retrieval.Query;

public sealed class QueryParserTests
{
    private static readonly SearchIndex Index = SearchIndex.Build(
    [
        new ArticleBuilder().WithTitle("Glacier cave").WithBody("A glacier cave is a cave formed within the ice of a glacier. Paris is the capital of France.").Build(),
    ]);

    [Theory]
    [InlineData("what is a glacier cave?", QuestionType.Definition)]
    [InlineData("What are glacier caves", QuestionType.Definition)]
    [InlineData("what was the glacier", QuestionType.Definition)]
    [InlineData("what is the capital of France?", QuestionType.What)]
    [InlineData("what does a glacier cave look like", QuestionType.What)]
    [InlineData("which cave is the largest", QuestionType.What)]
    [InlineData("who is the president of France", QuestionType.Who)]
    [InlineData("when did the glacier cave form", QuestionType.When)]
    public void Parse_ClassifiesTheQuestion(string question, QuestionType expected) =>
        Assert.Equal(expected, QueryParser.Parse(Index, question).Type);
}
