namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>
/// Title for a record that has a body but no title (Reuters' UNPROC records, CNN/DailyMail items): the body's
/// first sentence, cut at a word boundary so a headline never turns into a whole paragraph.
/// </summary>
internal static class TitleFallback
{
    public const int MaxLength = 120;

    public static string FromBody(string body)
    {
        var firstLine = body.AsSpan().Trim();
        var newline = firstLine.IndexOf('\n');
        if (newline >= 0)
        {
            firstLine = firstLine[..newline].TrimEnd();
        }

        var sentence = FirstSentence(firstLine);
        if (sentence.Length <= MaxLength)
        {
            return sentence.ToString();
        }

        var cut = sentence[..MaxLength];
        var space = cut.LastIndexOf(' ');
        return string.Concat(space > MaxLength / 2 ? cut[..space].TrimEnd(" ,;:-–—") : cut, "…");
    }

    private static ReadOnlySpan<char> FirstSentence(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ')
            {
                continue;
            }

            // "U.S. officials", "Mr. Kim", "J. Smith": a short token before the dot is an abbreviation, not an end.
            var start = text[..i].LastIndexOf(' ') + 1;
            var token = text[start..i];
            if (text[i] == '.' && (token.Length <= 3 || token.Contains('.')))
            {
                continue;
            }

            return text[..(i + 1)];
        }

        return text;
    }
}
