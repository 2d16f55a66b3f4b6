using BriefingBot.Testing;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Core.Tests.Quality;

/// <summary>CNN/DailyMail sample (250 articles, under a second): 3-sentence summaries must stay above lead-3.</summary>
public sealed class SummaryRegressionTests
{
    [SharedDataFact(CnnDmDataset.FileName)]
    public async Task Summarizer_CnnDailyMail_BeatsLead3()
    {
        var pairs = await SummaryEvaluation.LoadAsync(SharedData.PathOf(CnnDmDataset.FileName), CancellationToken.None);

        var result = SummaryEvaluation.Run(pairs);

        Assert.Equal(250, result.Articles);
        Assert.True(result.Rouge1 >= result.Lead3Rouge1, $"ROUGE-1 {result.Rouge1} is below lead-3 {result.Lead3Rouge1}");
        Assert.True(result.Rouge1 >= QualityFigures.CnnDmRouge1 - 0.3, $"ROUGE-1 {result.Rouge1} fell below {QualityFigures.CnnDmRouge1 - 0.3}");
        Assert.True(result.Rouge2 >= QualityFigures.CnnDmRouge2 - 0.3, $"ROUGE-2 {result.Rouge2} fell below {QualityFigures.CnnDmRouge2 - 0.3}");
    }
}
