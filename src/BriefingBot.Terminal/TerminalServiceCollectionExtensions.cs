using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Terminal;

/// <summary>Registers the interactive console transport.</summary>
public static class TerminalServiceCollectionExtensions
{
    public static IServiceCollection AddTerminalTransport(this IServiceCollection services, string contentFolder)
    {
        services.Configure<TerminalOptions>(o => o.ContentFolder = contentFolder);
        services.AddHostedService<TerminalHostedService>();
        services.TryAddSingleton(sp => ConsoleProgress.ForStandardError(Console.Error, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
