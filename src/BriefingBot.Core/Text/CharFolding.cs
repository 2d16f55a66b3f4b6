using System.Globalization;
using System.Text;

namespace BriefingBot.Core.Text;

/// <summary>
/// Per-character folding shared by the tokenizer and <see cref="TextNormalizer.FoldForMatching"/>: lower case,
/// diacritics removed, ligatures and letters without a decomposition spelled out ("ß" -> "ss", "ø" -> "o").
/// </summary>
/// <remarks>
/// The table is computed once from Unicode decompositions for the Latin, Greek and Cyrillic blocks, so the hot
/// path is an array index instead of a per-character string normalisation.
/// </remarks>
internal static class CharFolding
{
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u1FFF';

    // null: the character folds to its invariant lower case; otherwise its folded spelling ("" for a bare mark).
    private static readonly string?[] Table = BuildTable();

    /// <summary>Appends the folded form of <paramref name="c"/>; returns how many characters were written.</summary>
    /// <remarks>Writes nothing when the destination is full: tokens are capped rather than grown.</remarks>
    public static int Append(char c, Span<char> destination, int at)
    {
        if (c < 128)
        {
            if (at >= destination.Length)
            {
                return 0;
            }

            destination[at] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return 1;
        }

        var special = c is >= TableStart and <= TableEnd ? Table[c - TableStart] : null;
        if (special is null)
        {
            if (at >= destination.Length || IsMark(c))
            {
                return 0;
            }

            destination[at] = char.ToLowerInvariant(c);
            return 1;
        }

        if (at + special.Length > destination.Length)
        {
            return 0;
        }

        special.CopyTo(destination[at..]);
        return special.Length;
    }

    public static bool IsMark(char c) =>
        c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static string?[] BuildTable()
    {
        var table = new string?[TableEnd - TableStart + 1];
        Span<char> one = stackalloc char[1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            var folded = Special(c);
            if (folded is null)
            {
                if (IsMark(c))
                {
                    folded = string.Empty;
                }
                else
                {
                    one[0] = c;
                    var decomposed = new string(one).Normalize(NormalizationForm.FormD);
                    var sb = new StringBuilder(decomposed.Length);
                    foreach (var d in decomposed)
                    {
                        if (!IsMark(d))
                        {
                            sb.Append(char.ToLowerInvariant(d));
                        }
                    }

                    folded = sb.ToString();
                }
            }

            table[c - TableStart] = folded.Length == 1 && folded[0] == char.ToLowerInvariant(c) ? null : folded;
        }

        return table;
    }

    // Letters Unicode does not decompose, but that readers treat as plain Latin letters.
    private static string? Special(char c) => c switch
    {
        'ß' or 'ẞ' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ø' or 'Ø' => "o",
        'ł' or 'Ł' => "l",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
