namespace BriefingBot.Health;

/// <summary>
/// Settings of section <c>Health</c>. In gateway mode the bot has no web server; set <see cref="Urls"/> (e.g.
/// <c>http://0.0.0.0:8081</c>) to start a small one for <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.
/// In HTTP mode those endpoints are served next to <c>/interactions</c> and this setting is not needed.
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Where the gateway-mode health listener binds; empty means no listener.</summary>
    public string? Urls { get; set; }
}
