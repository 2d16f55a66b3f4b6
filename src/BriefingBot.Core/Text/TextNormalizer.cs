using System.Text;

namespace BriefingBot.Core.Text;

/// <summary>PLACEHOLDER (replaced by the text work): minimal display normalisation.</summary>
public static class TextNormalizer
{
    /// <summary>Normalises text for storage and display: NFC, one kind of line break, no control characters, single spaces.</summary>
    public static string Normalize(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' || !char.IsControl(c))
            {
                sb.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        return sb.ToString().Trim();
    }
}
