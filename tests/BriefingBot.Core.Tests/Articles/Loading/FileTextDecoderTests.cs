using System.Text;
using BriefingBot.Core.Articles.Loading;

namespace BriefingBot.Core.Tests.Articles.Loading;

public sealed class FileTextDecoderTests
{
    public static TheoryData<byte[], string> Rejected => new()
    {
        { [], "the file is empty" },
        { " \r\n\t "u8.ToArray(), "only whitespace" },
        { [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "contains NUL bytes" },
        { [.. Enumerable.Repeat((byte)0x07, 20), 0x41], "mostly control characters" },
        { [0x61, 0x62, 0xC3, 0x28], "not valid UTF-8 (invalid 0xC3 at byte 2, line 1)" },
        { [0x61, 0x0A, 0x62, 0x0A, 0xFF], "not valid UTF-8 (invalid 0xFF at byte 4, line 3)" },
        { [0xEF, 0xBB, 0xBF, 0x61, 0xFF], "not valid UTF-8 (invalid 0xFF at byte 4, line 1)" },
        { [0xFF, 0xFE, 0x00, 0xD8], "not valid UTF-16" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Decode_NotText_ReturnsNullWithReason(byte[] bytes, string reason)
    {
        var text = FileTextDecoder.Decode(bytes, out var actual);

        Assert.Null(text);
        Assert.Contains(reason, actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void Decode_TextInSupportedEncoding_ReturnsItWithoutBom(string encoding)
    {
        const string text = "Zoë’s “café” — 5 €\nline two";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        Assert.Equal(text, FileTextDecoder.Decode(bytes, out var reason));
        Assert.Null(reason);
    }
}
