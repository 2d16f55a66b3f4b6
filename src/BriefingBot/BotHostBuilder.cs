using BriefingBot.Commands;
using BriefingBot.Core;
using BriefingBot.Core.Articles;
using BriefingBot.Options;
using BriefingBot.Services;
using BriefingBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>
/// Composes the bot: configuration (appsettings.json, user secrets, environment variables, command line),
/// the core, the commands, and the one transport this run uses.
/// </summary>
public static class BotHostBuilder
{
    public static HostApplicationBuilder CreateBuilder(LaunchArguments launch, string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = launch.IsOneShot ? [] : args.Where(a => a != "--content" && a != launch.ContentFolder).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddUserSecrets(typeof(BotHostBuilder).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables("BRIEFINGBOT_");
        if (launch.ContentFolder is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{ContentOptions.SectionName}:{nameof(ContentOptions.Folder)}", launch.ContentFolder)]);
        }

        // The console is for the conversation; logs go to standard error, and only warnings unless asked otherwise.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, launch.IsOneShot || !IsDiscordConfigured(builder.Configuration) ? LogLevel.Warning : LogLevel.Information);

        builder.Services.AddBriefingBot(builder.Configuration);
        if (!launch.IsOneShot)
        {
            builder.Services.AddHostedService<ContentLoadingService>();
            builder.Services.AddTerminalTransport(ResolvedContentFolder(builder.Configuration));
        }

        return builder;
    }

    public static IServiceCollection AddBriefingBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .PostConfigure(o => o.Folder = ContentFolderResolver.Resolve(o.Folder, Environment.CurrentDirectory))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentFolderValidator>();
        services.AddOptions<Commands.Access.ModerationOptions>().BindConfiguration(Commands.Access.ModerationOptions.SectionName);
        services.AddBriefingCore();
        services.AddSingleton<IArticleLoader>(sp => new ArticleLoader(
            sp.GetRequiredService<IOptions<ContentOptions>>().Value,
            sp.GetRequiredService<ILogger<ArticleLoader>>()));
        services.AddBriefingCommands();
        return services;
    }

    public static bool IsDiscordConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);

    private static string ResolvedContentFolder(IConfiguration configuration) =>
        ContentFolderResolver.Resolve(configuration[$"{ContentOptions.SectionName}:{nameof(ContentOptions.Folder)}"] ?? "seeds", Environment.CurrentDirectory);
}
