namespace BriefingBot.Core.Summaries;

/// <summary>
/// Whether two sentences say the same thing. Share of the smaller sentence's distinct content words that the other
/// one also has, so a short photo caption that repeats the lead counts as a repeat even though the lead says more.
/// </summary>
internal static class NearDuplicate
{
    public static bool Is(HashSet<string> candidate, HashSet<string> chosen, double share)
    {
        var smaller = Math.Min(candidate.Count, chosen.Count);
        if (smaller == 0)
        {
            return false;
        }

        var (few, many) = candidate.Count <= chosen.Count ? (candidate, chosen) : (chosen, candidate);
        var common = few.Count(many.Contains);
        return common >= share * smaller;
    }
}
