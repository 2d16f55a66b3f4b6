namespace BriefingBot.Core.Tests.Quality;

/// <summary>
/// The figures the regression tests guard, as measured with the tuned defaults (benchmark project, --eval). Update
/// them only together with a change that moves the full evaluation, and say so in the commit.
/// </summary>
internal static class QualityFigures
{
    public const double SquadSliceTop1 = 0.6935;

    public const double SquadSliceTop3 = 0.848;

    public const double WikiQaMap = 0.6705;

    public const double CnnDmRouge1 = 40.09;
}
