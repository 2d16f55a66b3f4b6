using BriefingBot.Commands;
using BriefingBot.Commands.Access;
using BriefingBot.Commands.Cooldowns;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Core;
using BriefingBot.Core.Articles;
using BriefingBot.Discord;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rest;
using BriefingBot.Feeds;
using BriefingBot.Health;
using BriefingBot.Options;
using BriefingBot.Semantics;
using BriefingBot.Services;
using BriefingBot.Storage;
using BriefingBot.Terminal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>
/// Composes the bot: configuration (appsettings.json, user secrets, environment variables, command line), the core,
/// the commands, digest scheduling, and the one transport this run uses: the local console when no Discord token is
/// set, the Discord gateway, or the Discord HTTP interactions endpoint (which needs a web server).
/// </summary>
public static class BotHostBuilder
{
    public static IHost Build(LaunchArguments launch, string[] args)
    {
        var hostArgs = launch.IsOneShot ? [] : args.Where(a => a != "--content" && a != launch.ContentFolder).ToArray();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        Configure(builder, launch);
        var transport = ChooseTransport(builder.Configuration, launch);
        var healthUrls = builder.Configuration[$"{HealthOptions.SectionName}:{nameof(HealthOptions.Urls)}"];
        var healthListener = transport == Transport.DiscordGateway && !string.IsNullOrWhiteSpace(healthUrls);
        if (transport != Transport.DiscordHttp && !healthListener)
        {
            AddServices(builder, launch, transport);
            return builder.Build();
        }

        // Only HTTP interactions (or a gateway bot asked for a health listener) need Kestrel; the other modes stay a
        // plain generic host with no open port.
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        Configure(web, launch);
        AddServices(web, launch, transport);
        web.Services.AddBotHealth(discord: true);
        var urls = transport == Transport.DiscordHttp ? web.Configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.HttpUrls)}"] : healthUrls;
        if (urls is { Length: > 0 })
        {
            web.WebHost.UseUrls(urls);
        }

        var app = web.Build();
        if (transport == Transport.DiscordHttp)
        {
            app.MapDiscordInteractions();
        }

        app.MapBotHealth();
        return app;
    }

    /// <summary>Everything but the transport; also used by tests and the one-shot CLI.</summary>
    public static IServiceCollection AddBriefingBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .PostConfigure(o => o.Folder = ContentFolderResolver.Resolve(o.Folder, Environment.CurrentDirectory))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentFolderValidator>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName);
        services.AddOptions<CooldownOptions>().BindConfiguration(CooldownOptions.SectionName).ValidateOnStart();
        services.AddBriefingCore();
        services.AddSemanticAnswers(configuration);
        services.AddSingleton<IArticleLoader>(sp => new ArticleLoader(
            sp.GetRequiredService<IOptions<ContentOptions>>().Value,
            sp.GetRequiredService<ILogger<ArticleLoader>>()));
        services.AddBriefingCommands();
        services.AddStorage(configuration);

        // Webhook URLs are Discord's in every mode: the console can schedule a digest through a webhook too.
        services.TryAddSingleton<IWebhookUrlRules, DiscordWebhookUrl>();
        services.AddDigestScheduling(configuration);
        services.AddOptions<ContentWatchOptions>()
            .BindConfiguration(ContentWatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<ContentWatcherService>();
        services.AddBriefingFeeds(configuration);
        services.AddSourceCommands();
        return services;
    }

    private static void Configure(IHostApplicationBuilder builder, LaunchArguments launch)
    {
        builder.Configuration.AddUserSecrets(typeof(BotHostBuilder).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables("BRIEFINGBOT_");
        if (launch.ContentFolder is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{ContentOptions.SectionName}:{nameof(ContentOptions.Folder)}", launch.ContentFolder)]);
        }

        // In the console the conversation owns standard output: logs go to standard error, warnings only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var quiet = launch.IsOneShot || !IsDiscordConfigured(builder.Configuration);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, quiet ? LogLevel.Warning : LogLevel.Information);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("System.Net.Http", LogLevel.Warning);
    }

    private static void AddServices(IHostApplicationBuilder builder, LaunchArguments launch, Transport transport)
    {
        builder.Services.AddBriefingBot(builder.Configuration);
        if (launch.IsOneShot)
        {
            return;
        }

        // Registered first so it runs first: transports start with the articles already loaded.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ContentLoadingService>());
        builder.Services.AddFeedPolling();
        if (transport == Transport.Terminal)
        {
            builder.Services.AddTerminalTransport(ResolvedContentFolder(builder.Configuration));
        }
        else
        {
            builder.Services.AddDiscordTransport(builder.Configuration);
        }
    }

    private static Transport ChooseTransport(IConfiguration configuration, LaunchArguments launch)
    {
        if (launch.IsOneShot || !IsDiscordConfigured(configuration))
        {
            return Transport.Terminal;
        }

        var mode = configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.Mode)}"];
        return string.Equals(mode, nameof(DiscordMode.Http), StringComparison.OrdinalIgnoreCase) ? Transport.DiscordHttp : Transport.DiscordGateway;
    }

    public static bool IsDiscordConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.Token)}"]);

    private static string ResolvedContentFolder(IConfiguration configuration) =>
        ContentFolderResolver.Resolve(configuration[$"{ContentOptions.SectionName}:{nameof(ContentOptions.Folder)}"] ?? "seeds", Environment.CurrentDirectory);

    private enum Transport
    {
        Terminal,
        DiscordGateway,
        DiscordHttp,
    }
}
