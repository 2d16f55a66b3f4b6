using BriefingBot.Commands;
using BriefingBot.Commands.Access;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Translation;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>
/// The real Discord transport (options, REST client, pipeline, gateway) wired as <c>AddDiscordTransport</c> does,
/// pointed at a <see cref="FakeDiscordServer"/>, with the fake handlers behind a real dispatcher.
/// </summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    public const string Token = "test-token.abc123.secretpart";

    private DiscordTestHost(ServiceProvider services, TestLogSink logs)
    {
        Services = services;
        Logs = logs;
    }

    /// <summary>Generous: tests wait on events, and a loaded 2-core machine can be slow.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(15);

    public ServiceProvider Services { get; }

    public TestLogSink Logs { get; }

    public SlowHandler Slow => Services.GetServices<ICommandHandler>().OfType<SlowHandler>().Single();

    public DiscordRestClient Rest => Services.GetRequiredService<DiscordRestClient>();

    public InteractionPipeline Interactions => Services.GetRequiredService<InteractionPipeline>();

    public static Dictionary<string, string?> Settings(FakeDiscordServer server) => new()
    {
        ["Discord:Token"] = Token,
        ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
    };

    /// <param name="server">The fake Discord to point at.</param>
    /// <param name="configure">Changes to the settings.</param>
    /// <param name="services">Extra registrations made before the transport's, e.g. a manual clock or another handler.</param>
    /// <param name="commands">The command handlers; the fake ones when null (e.g. the real ones for end-to-end checks).</param>
    public static DiscordTestHost Create(FakeDiscordServer server, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, Action<IServiceCollection>? commands = null)
    {
        var settings = Settings(server);
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new TestLogSink();
        var collection = new ServiceCollection();
        (commands ?? AddCommands)(collection);
        collection.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services?.Invoke(collection);
        collection.AddDiscordTransport(configuration);
        return new DiscordTestHost(collection.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>The command side as the host would register it, with test doubles for handlers.</summary>
    public static void AddCommands(IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, StubAskHandler>();
        services.AddSingleton<ICommandHandler, StubSummaryHandler>();
        services.AddSingleton<ICommandHandler, StubReloadHandler>();
        services.AddSingleton<ICommandHandler, StubDigestHandler>();
        services.AddSingleton<ICommandHandler, SlowHandler>();
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton(new ModeratorPolicy(Options.Create(new ModerationOptions())));
        services.AddSingleton<CommandDispatcher>();
    }

    /// <summary>Reconnect pacing shortened so tests stay fast; the identify window stays Discord's unless a test says otherwise.</summary>
    internal static GatewayTimings FastTimings(TimeSpan? identifyWindow = null) => new()
    {
        ReidentifyMinDelay = TimeSpan.FromMilliseconds(20),
        ReidentifyMaxDelay = TimeSpan.FromMilliseconds(60),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        HealthyReconnectJitter = TimeSpan.FromMilliseconds(20),
        IdentifyWindow = identifyWindow ?? GatewayTimings.Default.IdentifyWindow,
    };

    /// <summary>
    /// One unsharded gateway client ([0, 1]) that finds its URL itself, with fast reconnect pacing and a 20 ms
    /// identify window (re-identify storms would otherwise wait 5 s per identify).
    /// </summary>
    public GatewayClient CreateGateway()
    {
        var factory = Services.GetRequiredService<GatewayClientFactory>();
        var timings = FastTimings(TimeSpan.FromMilliseconds(20));
        var gateway = factory.Create(new GatewayShard(0, 1), factory.CreateScheduler(1, null, timings.IdentifyWindow));
        gateway.Timings = timings;
        gateway.InteractionCreated += (interaction, cancellationToken) =>
            Interactions.HandleAsync(interaction, new CallbackInteractionResponder(Rest, interaction), cancellationToken);
        return gateway;
    }

    /// <summary>The transport's shard manager, answering interactions as the hosted service does.</summary>
    public GatewayShardManager CreateShards(TimeSpan? identifyWindow = null)
    {
        var shards = Services.GetRequiredService<GatewayShardManager>();
        shards.Timings = FastTimings(identifyWindow);
        shards.InteractionCreated += (interaction, cancellationToken) =>
            Interactions.HandleAsync(interaction, new CallbackInteractionResponder(Rest, interaction), cancellationToken);
        return shards;
    }

    public ReplyRenderer Renderer => Services.GetRequiredService<ReplyRenderer>();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
