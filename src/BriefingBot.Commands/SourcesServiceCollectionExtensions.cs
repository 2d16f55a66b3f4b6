using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Handlers;
using BriefingBot.Feeds.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Commands;

/// <summary>
/// Registers /sources and the audit of what the feed poller does by itself. Needs the feeds (AddBriefingFeeds) and
/// their storage registered too.
/// </summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddSourceCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, SourcesHandler>();
        services.TryAddSingleton<IFeedAudit, FeedAuditLog>();
        return services;
    }
}
