using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Hosting;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Storage;

/// <summary>Registers the SQLite state store. Safe to call more than once.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(SqliteDatabase)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TimeZoneCatalog>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<ISubscriptionStore, SqliteSubscriptionStore>();
        services.AddSingleton<IDeliveryLedger, SqliteDeliveryLedger>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<IFeedSourceStore, SqliteFeedSourceStore>();
        services.AddSingleton<IFeedItemStore, SqliteFeedItemStore>();
        services.AddHostedService<StorageStartupService>();
        return services;
    }
}
