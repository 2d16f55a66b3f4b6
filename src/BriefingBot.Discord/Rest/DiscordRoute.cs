namespace BriefingBot.Discord.Rest;

/// <summary>
/// A REST call's identity for rate limiting and logging. <see cref="Template"/> replaces ids and tokens with
/// placeholders, so it is safe to log; <see cref="MajorParameter"/> is the top-level resource (channel, guild,
/// webhook or interaction) that Discord keys buckets by.
/// </summary>
public sealed record DiscordRoute(string Method, string Template, string MajorParameter)
{
    /// <summary>Interaction callbacks and interaction webhooks do not count against the global limit.</summary>
    public bool ExemptFromGlobalLimit { get; init; }

    /// <summary>Bucket key until Discord tells us the shared bucket id.</summary>
    public string Key => Method + " " + Template;

    public static DiscordRoute From(HttpMethod method, string relativePath, bool exemptFromGlobal = false)
    {
        var query = relativePath.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? relativePath[..query] : relativePath).Trim('/').Split('/');
        var template = new string[segments.Length];
        var major = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            if (i == 1 && previous is "channels" or "guilds" or "webhooks" or "interactions")
            {
                major = segment;
                template[i] = "{" + previous.TrimEnd('s') + "_id}";
            }
            else if (i == 2 && segments[0] is "webhooks" or "interactions")
            {
                // Webhook and interaction tokens are secrets: they key the bucket but never reach a log line.
                major += "/" + StableHash(segment);
                template[i] = "{token}";
            }
            else
            {
                template[i] = segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "{id}" : segment;
            }
        }

        return new DiscordRoute(method.Method, "/" + string.Join('/', template), major) { ExemptFromGlobalLimit = exemptFromGlobal };
    }

    private static string StableHash(string value)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value));
        return Convert.ToHexString(hash, 0, 8);
    }
}
