using BriefingBot.Core.Summaries;

namespace BriefingBot.Core.Tests.Summaries;

public sealed class NearDuplicateTests
{
    [Theory]
    [InlineData("locke confirm kilmarnock manager friday", "locke confirm kilmarnock manager friday eight week charg", 0.8, true)]
    [InlineData("locke confirm kilmarnock manager friday eight week charg", "locke confirm kilmarnock manager friday", 0.8, true)]
    [InlineData("locke kilmarnock player tribut unbeaten run", "locke confirm kilmarnock manager friday", 0.8, false)]
    [InlineData("locke kilmarnock player tribut", "locke kilmarnock manager friday", 0.5, true)]
    [InlineData("", "locke kilmarnock", 0.8, false)]
    public void Is_SharedShareOfTheSmallerSentence(string candidate, string chosen, double share, bool expected)
    {
        Assert.Equal(expected, NearDuplicate.Is(Terms(candidate), Terms(chosen), share));
    }

    private static HashSet<string> Terms(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
