namespace BriefingBot.Commands.Cooldowns;

/// <summary>
/// Settings of section <c>Cooldowns</c>: how often one user, and one server as a whole, may run the expensive
/// commands. Both limits apply; the console operator is never limited.
/// </summary>
public sealed class CooldownOptions
{
    public const string SectionName = "Cooldowns";

    public bool Enabled { get; set; } = true;

    /// <summary>Per user, across servers. Default: 5 per 30 s (a burst of 5, then one every 6 s).</summary>
    public CooldownLimit PerUser { get; set; } = new() { Count = 5, Window = TimeSpan.FromSeconds(30) };

    /// <summary>Per server, all its members together. Default: 120 per minute.</summary>
    public CooldownLimit PerGuild { get; set; } = new() { Count = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>The commands that cost real work (buttons that re-run them count too); null means the default list.</summary>
    /// <remarks>Null rather than pre-filled: configuration binding appends to a pre-filled list instead of replacing it.</remarks>
    public IList<string>? Commands { get; set; }

    public static IReadOnlyList<string> DefaultCommands { get; } = ["ask", "search", "summary", "quote", "digest"];

    public IEnumerable<string> EffectiveCommands => Commands is { Count: > 0 } configured ? configured : DefaultCommands;
}
