namespace BriefingBot.Commands;

/// <summary>A command to run, as any transport sees it: name, optional subcommand, option values (as text) and caller.</summary>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> Options, CommandCaller Caller)
{
    /// <summary>The subcommand, for commands that have them (<c>digest-schedule add</c>).</summary>
    public string? Subcommand { get; init; }

    public CommandSource Source { get; init; } = CommandSource.SlashCommand;

    /// <summary>The option's value, or null when it was not given or is blank.</summary>
    public string? Option(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static CommandRequest Create(string name, CommandCaller caller, params (string Name, string Value)[] options) =>
        new(name, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal), caller);
}
