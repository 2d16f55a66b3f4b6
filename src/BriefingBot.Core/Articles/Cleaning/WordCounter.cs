namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>
/// Counts words as runs of letters and digits. An apostrophe, hyphen or number separator between two such characters
/// continues the word, so "he’s", "end-of-year" and "1,750.5" each count once (as a reader would count them).
/// </summary>
internal static class WordCounter
{
    public static int Count(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else if (!(inWord && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                inWord = false;
            }
        }

        return count;
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐' or '.' or ',';
}
