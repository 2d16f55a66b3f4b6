namespace BriefingBot.Feeds.Parsing;

/// <summary>
/// One spelling per story address, so a re-posted link is recognised: lower-case scheme and host, no default port,
/// no fragment, no utm_* tracking parameters (other parameters kept, in order), no trailing slash on a path.
/// </summary>
public static class UrlNormalizer
{
    public static string? Normalize(string? url, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // "/world/ferry" parses as an absolute file: URI on Unix, so only http(s) counts as absolute here.
        var text = url.Trim();
        if (!(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            && (baseUrl is null || !Uri.TryCreate(baseUrl, text, out uri)))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : uri.AbsolutePath;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var normalized = $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}";
        return query.Length == 0 ? normalized : normalized + "?" + string.Join('&', query);
    }
}
