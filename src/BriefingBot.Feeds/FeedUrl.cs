using System.Diagnostics.CodeAnalysis;

namespace BriefingBot.Feeds;

/// <summary>What a feed or page address may be: absolute http(s), no credentials in it.</summary>
public static class FeedUrl
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? problem)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed))
        {
            problem = "that is not a web address; give the full URL, e.g. https://example.com/feed.xml";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"only http and https addresses can be fetched, not {parsed.Scheme}";
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            problem = "addresses with a user name or password in them are not accepted";
            return false;
        }

        url = parsed;
        problem = null;
        return true;
    }
}
