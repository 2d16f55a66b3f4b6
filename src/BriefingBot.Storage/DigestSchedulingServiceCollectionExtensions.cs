using BriefingBot.Commands;
using BriefingBot.Commands.Delivery;
using BriefingBot.Commands.Handlers;
using BriefingBot.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Storage;

/// <summary>
/// Registers scheduled digests: SQLite storage, the /digest-schedule command, the scheduler and its hosted loop, and
/// the optional content-folder watcher. Needs the core (IArticleStore, DigestBuilder, ContentReloader) registered too.
/// A Discord transport registers its own <see cref="IMessageSender"/>; without one, digests go to the log.
/// </summary>
public static class DigestSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddDigestScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSqliteStorage(configuration);
        services.AddOptions<DigestScheduleOptions>()
            .Bind(configuration.GetSection(DigestScheduleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ContentWatchOptions>()
            .Bind(configuration.GetSection(ContentWatchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IMessageSender, LoggingMessageSender>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<ICommandHandler, DigestScheduleHandler>();
        services.AddHostedService<DigestSchedulerService>();
        services.AddHostedService<ContentWatcherService>();
        return services;
    }
}
