namespace BriefingBot.Testing.Quality;

/// <summary>
/// How one system did on the news question set. Top-1 and top-3 count answerable questions whose right sentence came
/// back first (or among the first three) and was not declined; <see cref="RankTop1"/> ignores declines, so it shows
/// ranking alone.
/// </summary>
public sealed record NewsQaResult(
    int Answerable,
    double Top1,
    double Top3,
    double RankTop1,
    double WronglyDeclined,
    int Unanswerable,
    double DeclinedRight,
    IReadOnlyList<string> Missed);
