using System.Text;

namespace BriefingBot.Core.Answers;

/// <summary>
/// Builds URL text fragments (<c>#:~:text=</c>) that make browsers scroll to and highlight a quoted sentence.
/// Long sentences use the <c>start,end</c> form so the link stays short and survives small edits in the middle.
/// </summary>
public static class TextFragmentLink
{
    private const int WordsAtEachEnd = 5;

    /// <summary>The deep link, or null when there is no source URL (we never invent one) or it is not http(s).</summary>
    public static string? Build(string? sourceUrl, string sentence)
    {
        if (string.IsNullOrWhiteSpace(sourceUrl) || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var words = sentence.Trim().TrimEnd('.', '!', '?', '"', '”', '’').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return sourceUrl;
        }

        var fragment = words.Length <= WordsAtEachEnd * 2
            ? Encode(string.Join(' ', words))
            : Encode(string.Join(' ', words.Take(WordsAtEachEnd))) + "," + Encode(string.Join(' ', words.TakeLast(WordsAtEachEnd)));
        var baseUrl = sourceUrl.Split('#')[0];
        return baseUrl + "#:~:text=" + fragment;
    }

    /// <summary>Percent-encodes as the text-fragment spec requires: '-', ',' and '&amp;' are syntax and must be escaped too.</summary>
    private static string Encode(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '!' or '*' or '\'' or '(' or ')'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
