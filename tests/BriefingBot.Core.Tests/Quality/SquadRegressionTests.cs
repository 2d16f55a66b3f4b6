using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Testing;
using BriefingBot.Testing.Quality;

namespace BriefingBot.Core.Tests.Quality;

/// <summary>
/// A fixed slice of the SQuAD evaluation (the first 2,000 dev questions in file order, asked against the whole
/// 48-article collection) so ranking quality cannot drop silently. Floors are the measured figures minus a small
/// margin; the full run is <c>--eval squad</c> in the benchmark project.
/// </summary>
public sealed class SquadRegressionTests
{
    private const int Questions = 2000;

    // Measured on this slice with the tuned RankingOptions defaults: see QualityFigures.
    private const double Top1Floor = QualityFigures.SquadSliceTop1 - 0.015;
    private const double Top3Floor = QualityFigures.SquadSliceTop3 - 0.015;

    [SharedDataFact(SquadDataset.FileName)]
    public void Engine_FirstSquadQuestions_KeepsSentenceAccuracy()
    {
        var data = SquadDataset.Load(SharedData.PathOf(SquadDataset.FileName));
        var index = SearchIndex.Build(data.Articles);

        var result = SquadEvaluation.Engine(index, data.Questions.Take(Questions).ToArray());

        Assert.True(result.Top1 >= Top1Floor, $"SQuAD top-1 {result.Top1:F4} fell below {Top1Floor:F4}");
        Assert.True(result.Top3 >= Top3Floor, $"SQuAD top-3 {result.Top3:F4} fell below {Top3Floor:F4}");
    }
}
