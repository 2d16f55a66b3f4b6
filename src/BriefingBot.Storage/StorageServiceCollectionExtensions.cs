using BriefingBot.Commands.Auditing;
using BriefingBot.Core.Cluster;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Hosting;
using BriefingBot.Storage.Postgres;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage;

/// <summary>Registers the state stores of the configured provider (<c>Storage:Provider</c>). Safe to call more than once.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IStateDatabase)))
        {
            return services;
        }

        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TimeZoneCatalog>();
        services.TryAddSingleton(_ => InstanceIdentity.CreateForThisProcess());

        // The choice is made here, from raw configuration, because it decides which types exist; an unknown provider
        // still registers SQLite so that the validator, not a missing service, is what stops the start.
        var options = new StorageOptions();
        section.Bind(options);
        if (options.UsesPostgres)
        {
            AddPostgres(services);
        }
        else
        {
            AddSqlite(services);
        }

        services.AddHostedService<StorageStartupService>();
        return services;
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IStateDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<ISubscriptionStore, SqliteSubscriptionStore>();
        services.AddSingleton<IDeliveryLedger, SqliteDeliveryLedger>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<SqliteFeedSourceStore>();
        services.AddSingleton<IFeedSourceStore>(sp => sp.GetRequiredService<SqliteFeedSourceStore>());
        services.AddSingleton<IFeedPollLeases, SqliteFeedPollLeases>();
        services.AddSingleton<IFeedItemStore, SqliteFeedItemStore>();
    }

    private static void AddPostgres(IServiceCollection services)
    {
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<IStateDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.AddSingleton<IDeliveryLedger, PostgresDeliveryLedger>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<PostgresFeedSourceStore>();
        services.AddSingleton<IFeedSourceStore>(sp => sp.GetRequiredService<PostgresFeedSourceStore>());
        services.AddSingleton<IFeedPollLeases, PostgresFeedPollLeases>();
        services.AddSingleton<IFeedItemStore, PostgresFeedItemStore>();

        // Several instances share this database: changes made through one are announced to the others.
        services.AddSingleton<IContentChangeBroadcast, PostgresChangeBroadcast>();
        services.AddSingleton<ISharedClaims, PostgresSharedClaims>();
        services.AddHostedService<PostgresChangeListener>();
    }
}
