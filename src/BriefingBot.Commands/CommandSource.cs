namespace BriefingBot.Commands;

/// <summary>How a request arrived: a typed command, or a button on an earlier reply.</summary>
public enum CommandSource
{
    SlashCommand,
    Component,
}
