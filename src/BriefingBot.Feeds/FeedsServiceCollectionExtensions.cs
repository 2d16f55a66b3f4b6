using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;
using BriefingBot.Feeds.Fetching;
using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds;

/// <summary>
/// Registers feeds as a source: options (<c>Sources</c>), the safe HTTP client with standard resilience, parsing,
/// polling and the source manager. Storage (<see cref="IFeedSourceStore"/>, <see cref="IFeedItemStore"/>) and the
/// polling loop (<see cref="AddFeedPolling"/>) are registered separately, so the one-shot CLI runs no loop.
/// </summary>
public static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsOptions>()
            .Bind(configuration.GetSection(FeedsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AddressPolicy>();
        services.AddSingleton<HostThrottle>();
        services.AddSingleton<FeedHttpClient>();
        services.AddSingleton<FeedItemBuilder>();
        services.AddSingleton<FeedArticleSet>();
        services.AddSingleton<IExternalArticleSource>(sp => sp.GetRequiredService<FeedArticleSet>());
        services.AddSingleton<FeedPoller>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContentChangeHandler, FeedChangeHandler>());
        services.AddSingleton<PollSignal>();
        services.AddSingleton<FeedSourceManager>();
        services.AddSingleton<IFeedSourceManager>(sp => sp.GetRequiredService<FeedSourceManager>());

        var settings = configuration.GetSection(FeedsOptions.SectionName).Get<FeedsOptions>() ?? new FeedsOptions();
        services.AddHttpClient(FeedHttpClient.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => SafeConnector.CreateHandler(sp.GetRequiredService<AddressPolicy>(), settings.RequestTimeout))
            .AddStandardResilienceHandler(o => ConfigureResilience(o, settings))
            // One circuit breaker per host: a failing site must not pause every other feed.
            .SelectPipelineByAuthority();
        return services;
    }

    /// <summary>The hosted polling loop (long-running bot only).</summary>
    public static IServiceCollection AddFeedPolling(this IServiceCollection services)
    {
        services.AddHostedService<FeedPollingService>();
        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions o, FeedsOptions settings)
    {
        o.AttemptTimeout.Timeout = settings.RequestTimeout;
        o.Retry.MaxRetryAttempts = Math.Max(1, settings.Retries);
        o.Retry.Delay = settings.RetryDelay;
        o.Retry.UseJitter = true;
        // Retry-After on 429/503 is a schedule for the next poll, not a wait inside this one; a refused address never changes.
        o.Retry.ShouldRetryAfterHeader = false;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(
            settings.Retries > 0
            && args.Outcome.Result?.StatusCode is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable)
            && !IsBlocked(args.Outcome.Exception)
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, settings.RequestTimeout.Ticks * 2 + TimeSpan.TicksPerSecond));
        o.TotalRequestTimeout.Timeout = settings.RequestTimeout * (settings.Retries + 1) + settings.RetryDelay * (settings.Retries * 2) + TimeSpan.FromSeconds(1);
    }

    private static bool IsBlocked(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }
}
