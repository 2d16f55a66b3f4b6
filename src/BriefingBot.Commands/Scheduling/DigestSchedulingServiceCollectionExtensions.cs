using BriefingBot.Commands.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// Registers scheduled digests: the /digest-schedule command, the runner that posts what is due exactly once, and its
/// hosted loop. Needs the core (IArticleStore, DigestBuilder), the audit log, a subscription store and a delivery
/// ledger (BriefingBot.Storage's <c>AddStorage</c>), and <see cref="IWebhookUrlRules"/> (BriefingBot.Discord's
/// <c>DiscordWebhookUrl</c>). A transport registers its own <see cref="IMessageSender"/>; without one, digests go to the log.
/// </summary>
public static class DigestSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddDigestScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduledDigestOptions>()
            .Bind(configuration.GetSection(ScheduledDigestOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TimeZoneCatalog>();
        services.TryAddSingleton<IMessageSender, LoggingMessageSender>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<DueDigestRunner>();
        services.AddSingleton<ICommandHandler, DigestScheduleHandler>();
        services.AddHostedService<ScheduledDigestService>();
        return services;
    }
}
