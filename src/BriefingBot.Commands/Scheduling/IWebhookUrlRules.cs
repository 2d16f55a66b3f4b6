namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// What a webhook URL must look like and how to name one without its secret. The transport that executes webhooks
/// owns the format (Discord's is in BriefingBot.Discord); /digest-schedule only asks.
/// </summary>
public interface IWebhookUrlRules
{
    bool IsValid(string? url);

    /// <summary>A description safe for replies and the audit log ("webhook 123…"): never the token.</summary>
    string Describe(string url);
}
