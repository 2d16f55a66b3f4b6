using System.Globalization;
using System.Text;

namespace BriefingBot.Core.Articles.Loading;

/// <summary>
/// Hands out lower-case slug ids ([a-z0-9-_]), unique within one load. Call it in the load's deterministic order
/// (by relative path, then record position) so a collision always gives the same article the same suffix.
/// </summary>
internal sealed class ArticleIdAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Allocate(string idBase)
    {
        var slug = Slug(idBase);
        if (_used.Add(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Lower-cases, folds accents ("Café" → "cafe") and turns every other run of characters into one '-'.</summary>
    public static string Slug(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower) || lower == '_')
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingDash = false;
                sb.Append(lower);
            }
            else
            {
                pendingDash = true;
            }
        }

        return sb.Length == 0 ? "article" : sb.ToString();
    }
}
