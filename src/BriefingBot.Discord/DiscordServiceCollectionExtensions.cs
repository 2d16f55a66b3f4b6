using BriefingBot.Commands.Scheduling;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>Registers the Discord transport.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DiscordOptions"/> from the <c>Discord</c> section of <paramref name="configuration"/> (validated
    /// on start), and adds the REST client, command registrar, interaction pipeline, gateway client,
    /// <see cref="DiscordMessageSender"/> as <see cref="IMessageSender"/>, and the hosted <see cref="DiscordService"/>.
    /// Expects <see cref="Commands.CommandDispatcher"/> and <see cref="Commands.CommandCatalog"/> to be registered.
    /// In HTTP mode also call <c>app.MapDiscordInteractions()</c>.
    /// </summary>
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotMetrics>();
        services.AddOptions<InteractionQueueOptions>()
            .Bind(configuration.GetSection(InteractionQueueOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<InteractionWorkers>();

        // Our own log lines name route templates; the default handler logs full URLs, which carry interaction
        // and webhook tokens.
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();

        services.TryAddSingleton<RateLimitBuckets>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<ReplyRenderer>();
        services.TryAddSingleton<InteractionTranslator>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<InteractionPipeline>();
        services.TryAddSingleton<HttpReplayGuard>();
        services.TryAddSingleton<HttpInteractionProcessor>();
        services.TryAddKeyedSingleton(
            HttpInteractionProcessor.LogThrottleKey,
            (provider, _) => new LogThrottle(provider.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(1)));
        services.TryAddSingleton<IWebSocketConnectionFactory, ClientWebSocketConnectionFactory>();
        services.TryAddSingleton<GatewayClientFactory>();
        services.TryAddSingleton<GatewayShardManager>();
        services.TryAddSingleton(provider =>
        {
            var key = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey;
            return string.IsNullOrWhiteSpace(key)
                ? throw new InvalidOperationException("Discord:PublicKey is not set; HTTP interactions cannot be verified. Set Discord__PublicKey.")
                : new SignatureVerifier(key);
        });

        services.TryAddSingleton<IWebhookUrlRules, DiscordWebhookUrl>();
        services.AddSingleton<DiscordMessageSender>();
        services.AddSingleton<IMessageSender>(provider => provider.GetRequiredService<DiscordMessageSender>());
        services.AddHostedService<DiscordService>();
        return services;
    }
}
