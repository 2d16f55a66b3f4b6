namespace BriefingBot.Terminal;

/// <summary>What the console shows about its setup; filled in by the host.</summary>
public sealed class TerminalOptions
{
    public string ContentFolder { get; set; } = "seeds";
}
