namespace BriefingBot.Commands;

/// <summary>
/// A command as declared once and used everywhere: Discord registration, dispatch, /help and the console parser.
/// </summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>Only moderators (Manage Server, or a configured moderator role) may run it.</summary>
    public bool ModeratorOnly { get; init; }

    /// <summary>The work may take longer than an interaction's 3-second window: transports should acknowledge first.</summary>
    public bool Defer { get; init; }

    /// <summary>Replies are private to the caller unless a handler says otherwise.</summary>
    public bool EphemeralByDefault { get; init; }

    /// <summary>A short usage line for /help, e.g. <c>/ask question:&lt;text&gt;</c>.</summary>
    public string Usage => "/" + Name + string.Concat(Options.Select(o =>
        o.Type == CommandOptionType.Subcommand ? " " + o.Name : o.Required ? $" {o.Name}:<{o.Name}>" : $" [{o.Name}:<{o.Name}>]"));
}
