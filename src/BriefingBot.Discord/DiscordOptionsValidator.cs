using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>
/// Checks <see cref="DiscordOptions"/> at start-up and says which setting to change, so a typo fails fast with a
/// useful message instead of as a 401 or a silent endpoint later.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success; // no token: Discord is off, nothing else matters
        }

        var failures = new List<string>();
        var token = options.Token!;
        if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bare bot token (no 'Bot ' prefix, no spaces). Set Discord__Token to the value from Developer Portal → Bot → Reset Token.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL such as {DiscordOptions.DefaultApiBaseUrl}. Set Discord__ApiBaseUrl or remove it to use the default.");
        }

        if (options.PublicKey is { Length: > 0 } key && !IsHexKey(key))
        {
            failures.Add("Discord:PublicKey must be the 64 hex characters shown as 'Public Key' on the application's General Information page.");
        }

        if (options.Mode == DiscordMode.Http)
        {
            if (string.IsNullOrWhiteSpace(options.PublicKey))
            {
                failures.Add("Discord:Mode is 'http' but Discord:PublicKey is empty. Set Discord__PublicKey to the application's public key, or set Discord__Mode=gateway.");
            }

            if (string.IsNullOrWhiteSpace(options.HttpUrls))
            {
                failures.Add("Discord:Mode is 'http' but Discord:HttpUrls is empty. Set Discord__HttpUrls to the address to listen on, e.g. http://0.0.0.0:8080.");
            }
        }

        AddShardFailures(options, failures);

        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter > TimeSpan.FromMilliseconds(2500))
        {
            failures.Add("Discord:DeferAfter must be between 0 and 2.5 seconds so the bot acknowledges inside Discord's 3-second window.");
        }

        if (options.MaxRestRetries is < 0 or > 10)
        {
            failures.Add("Discord:MaxRestRetries must be between 0 and 10.");
        }

        if (options.InvalidRequestBudget is < 1 or > 9000)
        {
            failures.Add("Discord:InvalidRequestBudget must be between 1 and 9000 (Discord bans an IP at 10,000 invalid requests in 10 minutes).");
        }

        if (options.RestRequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Discord:RestRequestTimeout must be positive, e.g. 00:00:10.");
        }

        if (options.MaxTimestampAge <= TimeSpan.Zero)
        {
            failures.Add("Discord:MaxTimestampAge must be positive, e.g. 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddShardFailures(DiscordOptions options, List<string> failures)
    {
        if (options.ShardCount < 0)
        {
            failures.Add($"Discord:ShardCount must be 0 (ask Discord how many) or a positive number of shards, not {options.ShardCount}.");
            return;
        }

        if (options.ShardIds.Count == 0)
        {
            return;
        }

        if (options.ShardCount == 0)
        {
            failures.Add("Discord:ShardIds is set but Discord:ShardCount is not. Every instance must agree on the total, so set Discord__ShardCount too (e.g. 2 with Discord__ShardIds__0=1), or remove Discord:ShardIds to run every shard here.");
            return;
        }

        var outside = options.ShardIds.Where(id => id < 0 || id >= options.ShardCount).Distinct().Order().ToList();
        if (outside.Count > 0)
        {
            failures.Add($"Discord:ShardIds {string.Join(", ", outside)} {(outside.Count == 1 ? "is" : "are")} outside 0..{options.ShardCount - 1}: with Discord:ShardCount {options.ShardCount} shard ids run from 0 to {options.ShardCount - 1}.");
        }

        var repeated = options.ShardIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        if (repeated.Count > 0)
        {
            failures.Add($"Discord:ShardIds lists {string.Join(", ", repeated)} more than once; each shard may appear once.");
        }
    }

    private static bool IsHexKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigit);
}
