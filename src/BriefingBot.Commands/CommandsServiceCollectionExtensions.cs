using BriefingBot.Commands.Access;
using BriefingBot.Commands.Cooldowns;
using BriefingBot.Commands.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Commands;

/// <summary>Registers the command handlers, the catalogue and the dispatcher every transport uses.</summary>
public static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, AskHandler>();
        services.AddSingleton<ICommandHandler, SearchHandler>();
        services.AddSingleton<ICommandHandler, SummaryHandler>();
        services.AddSingleton<ICommandHandler, QuoteHandler>();
        services.AddSingleton<ICommandHandler, ArticlesHandler>();
        services.AddSingleton<ICommandHandler, DigestHandler>();
        services.AddSingleton<ICommandHandler, ReloadHandler>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<Func<CommandCatalog>>(sp => sp.GetRequiredService<CommandCatalog>);
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<ModeratorPolicy>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<CooldownOptions>, CooldownOptionsValidator>();
        services.AddSingleton<CommandCooldowns>();
        services.AddSingleton<CommandDispatcher>();
        return services;
    }
}
