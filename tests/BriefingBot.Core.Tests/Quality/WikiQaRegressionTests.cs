using BriefingBot.Testing;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Core.Tests.Quality;

/// <summary>WikiQA test answer selection (243 questions with a correct sentence, about a second): MAP must not drop.</summary>
public sealed class WikiQaRegressionTests
{
    [SharedDataFact(WikiQaDataset.TestFileName)]
    public void Engine_WikiQaTest_KeepsMeanAveragePrecision()
    {
        var questions = WikiQaDataset.Load(SharedData.PathOf(WikiQaDataset.TestFileName));

        var result = WikiQaEvaluation.Run(questions);

        Assert.Equal(243, result.Questions);
        Assert.True(result.Map >= QualityFigures.WikiQaMap - 0.015, $"WikiQA MAP {result.Map:F4} fell below {QualityFigures.WikiQaMap - 0.015:F4}");
    }
}
