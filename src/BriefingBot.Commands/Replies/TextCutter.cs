namespace BriefingBot.Commands.Replies;

/// <summary>Shortens text to a limit at a sentence boundary where it can, else at a word boundary; never mid-word.</summary>
public static class TextCutter
{
    private const string Ellipsis = "…";

    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var budget = max - Ellipsis.Length;
        if (budget <= 0)
        {
            return text[..max];
        }

        var sentenceEnd = LastSentenceEnd(text, budget);
        if (sentenceEnd >= budget / 2)
        {
            // A whole sentence reads better than an ellipsis; keep the cut clean.
            return text[..sentenceEnd].TrimEnd();
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], budget);
        var cut = space > 0 ? space : budget;
        return text[..cut].TrimEnd() + Ellipsis;
    }

    private static int LastSentenceEnd(string text, int budget)
    {
        for (var i = Math.Min(budget, text.Length) - 1; i > 0; i--)
        {
            var c = text[i];
            if (c == '\n')
            {
                return i;
            }

            if (c is '.' or '!' or '?' or '”' or '"' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                var end = i + 1;
                if (c is '”' or '"' && !(i > 0 && text[i - 1] is '.' or '!' or '?' or ','))
                {
                    continue;
                }

                return end;
            }
        }

        return -1;
    }
}
