namespace BriefingBot.Discord;

/// <summary>
/// Settings of section <c>Discord</c> (environment: <c>Discord__Token</c>, <c>Discord__Mode</c>, …). An empty token
/// is valid and means "Discord off": the host then runs only the local console.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token from the developer portal (Bot → Reset Token), without a <c>Bot </c> prefix.</summary>
    public string? Token { get; set; }

    /// <summary>REST base URL including the version; point it at a REST proxy or a test server to use another.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Guilds to register commands in (instant; for development). Empty: register globally.</summary>
    public IList<ulong> GuildIds { get; init; } = [];

    /// <summary>The application's public key (64 hex characters, General Information page); required in HTTP mode.</summary>
    public string? PublicKey { get; set; }

    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>
    /// Gateway mode: how many shards the bot runs in total, across all instances. 0 (the default) reads Discord's
    /// recommendation from <c>GET /gateway/bot</c> at start.
    /// </summary>
    public int ShardCount { get; set; }

    /// <summary>
    /// Gateway mode: the shards this instance runs, each in [0, <see cref="ShardCount"/>). Empty: all of them. Needs an
    /// explicit <see cref="ShardCount"/>, since every instance must agree on the total.
    /// </summary>
    public IList<int> ShardIds { get; init; } = [];

    /// <summary>Where the HTTP-mode endpoint listens, e.g. <c>http://0.0.0.0:8080</c> (the host binds it).</summary>
    public string? HttpUrls { get; set; }

    /// <summary>When a handler has not answered after this long, acknowledge (type 5) and edit later. Under Discord's 3 s.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>HTTP mode: signed requests older (or newer) than this are refused as replays.</summary>
    public TimeSpan MaxTimestampAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts after the first for a REST call that met a 5xx, a network error or a short 429.</summary>
    public int MaxRestRetries { get; set; } = 3;

    /// <summary>A 429 asking to wait longer than this fails the call instead of blocking it.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Invalid responses (401, 403, non-shared 429) allowed in 10 minutes before every REST call pauses. Discord bans
    /// the IP at 10,000; the default stays a tenth of that, leaving room for other processes on the same address.
    /// </summary>
    public int InvalidRequestBudget { get; set; } = 1000;

    /// <summary>One REST attempt that has not completed after this long is abandoned and counts as a network failure.</summary>
    public TimeSpan RestRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a token is set, i.e. the Discord transport should run.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
