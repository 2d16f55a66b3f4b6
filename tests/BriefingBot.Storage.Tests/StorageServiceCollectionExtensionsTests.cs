using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Sqlite;
using BriefingBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddStorage_NoProvider_RegistersSqliteAndMigratesTheFileOnStart()
    {
        var path = Path.Combine(_folder, "state.db");
        await using var services = Build(new() { ["Storage:DatabasePath"] = path });

        await StartAsync(services);

        Assert.IsType<SqliteSubscriptionStore>(services.GetRequiredService<ISubscriptionStore>());
        Assert.IsType<SqliteFeedItemStore>(services.GetRequiredService<IFeedItemStore>());
        Assert.True(File.Exists(path));
        Assert.Equal(SqliteMigrations.All[^1].Version, await services.GetRequiredService<IStateDatabase>().GetSchemaVersionAsync(TestTimeout.Token()));
    }

    [Fact]
    public async Task AddStorage_PostgresWithoutConnectionString_FailsTheStartSayingWhatToSet()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres" });
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddStorage(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestTimeout.Token()));

        Assert.Contains("Storage:ConnectionString is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStorage_CalledTwice_RegistersOneDatabase()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();

        services.AddStorage(configuration).AddStorage(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IStateDatabase));
        Assert.Single(services, d => d.ServiceType == typeof(ISubscriptionStore));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    internal static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }

    internal static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestTimeout.Token());
        }
    }
}
