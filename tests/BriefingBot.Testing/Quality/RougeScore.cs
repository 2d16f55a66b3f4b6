namespace BriefingBot.Testing.Quality;

/// <summary>Precision, recall and F1 of one ROUGE measure, as fractions.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(int overlap, int candidate, int reference)
    {
        var p = candidate == 0 ? 0 : (double)overlap / candidate;
        var r = reference == 0 ? 0 : (double)overlap / reference;
        return new RougeScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
