using System.Net;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds;

/// <summary>Cross-field rules DataAnnotations cannot say: every configured URL and allow-list entry must parse.</summary>
public sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            if (!FeedUrl.TryParse(feed.Url, out _, out var problem))
            {
                failures.Add($"Sources:Feeds:{i}:Url '{feed.Url}': {problem}");
            }

            if (feed.PollMinutes is { } minutes && (minutes < 1 || minutes > 7 * 24 * 60))
            {
                failures.Add($"Sources:Feeds:{i}:PollMinutes must be between 1 and 10080 (got {minutes}).");
            }
        }

        foreach (var entry in options.AllowPrivateAddresses)
        {
            if (!IPNetwork.TryParse(entry, out _) && !IPAddress.TryParse(entry, out _))
            {
                failures.Add($"Sources:AllowPrivateAddresses: '{entry}' is neither an IP address nor a CIDR range (e.g. 127.0.0.0/8).");
            }
        }

        if (options.MinPollInterval > options.DefaultPollInterval)
        {
            failures.Add("Sources:MinPollInterval must not be longer than Sources:DefaultPollInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
