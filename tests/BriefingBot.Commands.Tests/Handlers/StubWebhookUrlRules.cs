using System.Text.RegularExpressions;
using BriefingBot.Commands.Scheduling;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>
/// Stands in for Discord's webhook rule (BriefingBot.Discord's DiscordWebhookUrl, tested there): https, a discord
/// host, <c>webhooks/{id}/{token}</c>. Enough for the handler's own behaviour: refuse, store, never echo the token.
/// </summary>
internal sealed partial class StubWebhookUrlRules : IWebhookUrlRules
{
    public bool IsValid(string? url) => url is not null && Pattern().IsMatch(url.Trim());

    public string Describe(string url) => Pattern().Match(url.Trim()) is { Success: true } match ? $"webhook {match.Groups["id"].Value}" : "webhook";

    [GeneratedRegex(@"^https://discord(?:app)?\.com/api/(?:v\d+/)?webhooks/(?<id>\d+)/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
