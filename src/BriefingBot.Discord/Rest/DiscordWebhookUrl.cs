using System.Text.RegularExpressions;
using BriefingBot.Commands.Scheduling;

namespace BriefingBot.Discord.Rest;

/// <summary>
/// Checks that a webhook URL is a Discord channel webhook (<c>https://discord.com/api/webhooks/{id}/{token}</c>, also
/// discordapp.com, ptb. and canary.), and describes one without its token, which is a secret.
/// </summary>
public sealed partial class DiscordWebhookUrl : IWebhookUrlRules
{
    public bool IsValid(string? url) => url is not null && Pattern().IsMatch(url.Trim());

    /// <summary>"webhook 123…" for replies and the audit log; the token never leaves the database.</summary>
    public string Describe(string url)
    {
        var match = Pattern().Match(url.Trim());
        return match.Success ? $"webhook {match.Groups["id"].Value}" : "webhook";
    }

    [GeneratedRegex(@"^https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/(?:v\d+/)?webhooks/(?<id>\d{5,20})/(?<token>[A-Za-z0-9_\-]{20,200})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
