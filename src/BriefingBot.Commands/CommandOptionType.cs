namespace BriefingBot.Commands;

/// <summary>Kinds of option; values match Discord's application command option types.</summary>
public enum CommandOptionType
{
    Subcommand = 1,
    String = 3,
    Integer = 4,
    Boolean = 5,
    Channel = 7,
}
