namespace BriefingBot.Core.Text;

/// <summary>A range of characters in a string.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
