using System.Text;

namespace BriefingBot.Core.Articles.Loading;

/// <summary>
/// Decodes a file's bytes into text, refusing anything that is not clearly text. Strict decoders are used so a
/// Latin-1 or corrupted file is reported instead of silently filled with replacement characters.
/// </summary>
internal static class FileTextDecoder
{
    // Encoding instances are immutable and thread-safe, so sharing them holds no mutable state.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Above this share of control characters a file is treated as binary rather than text with a few stray bytes.</summary>
    private const double MaxControlCharShare = 0.05;

    /// <summary>Returns the text, or null and a reason a moderator understands.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        if (bytes.IsEmpty)
        {
            reason = "the file is empty";
            return null;
        }

        string text;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            if (!TryDecodeUtf8(bytes[3..], byteOffset: 3, out text, out reason))
            {
                return null;
            }
        }
        else if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var encoding = bytes[0] == 0xFF ? StrictUtf16Le : StrictUtf16Be;
            try
            {
                text = encoding.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                reason = "the file starts with a UTF-16 byte order mark but is not valid UTF-16";
                return null;
            }
        }
        else
        {
            // NUL never occurs in UTF-8 text; it is the cheapest reliable sign of a binary file (images, archives, .docx).
            if (bytes.IndexOf((byte)0) >= 0)
            {
                reason = "the file looks binary (it contains NUL bytes), not text";
                return null;
            }

            if (!TryDecodeUtf8(bytes, byteOffset: 0, out text, out reason))
            {
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "the file is empty (only whitespace)";
            return null;
        }

        if (ControlCharShare(text) > MaxControlCharShare)
        {
            reason = "the file looks binary (mostly control characters), not text";
            return null;
        }

        return text;
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, int byteOffset, out string text, out string? reason)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            reason = null;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index) + byteOffset;
            var line = 1 + bytes[..Math.Min(Math.Max(0, ex.Index), bytes.Length)].Count((byte)'\n');
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "a byte";
            reason = $"the file is not valid UTF-8 (invalid {bad} at byte {offset}, line {line}); save it as UTF-8";
            text = string.Empty;
            return false;
        }
    }

    private static double ControlCharShare(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return (double)control / text.Length;
    }
}
