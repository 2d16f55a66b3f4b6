using System.Text;

namespace BriefingBot.Commands;

/// <summary>
/// Makes typed option values safe to work with: drops control and zero-width characters, folds runs of white
/// space and trims. Length limits are checked by the dispatcher against each option's declaration.
/// </summary>
public static class InputCleaner
{
    public static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var rune in value.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isSpace = Rune.IsWhiteSpace(rune);
            if (!isSpace && category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(rune.ToString());
            lastWasSpace = false;
        }

        return sb.ToString().Trim();
    }
}
