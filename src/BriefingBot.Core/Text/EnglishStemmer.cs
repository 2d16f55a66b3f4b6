namespace BriefingBot.Core.Text;

/// <summary>PLACEHOLDER (replaced by the text work with Porter2): strips a plural s.</summary>
public static class EnglishStemmer
{
    public static string Stem(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
