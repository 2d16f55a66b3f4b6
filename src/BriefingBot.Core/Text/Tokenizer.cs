namespace BriefingBot.Core.Text;

/// <summary>PLACEHOLDER (replaced by the text work): letters and digits, lower-cased.</summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(text[start..i].ToLowerInvariant(), start, i - start));
        }

        return tokens;
    }
}
