using BriefingBot.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Terminal;

/// <summary>Runs the interactive console as the host's main loop; leaving the console stops the host.</summary>
public sealed class TerminalHostedService(
    CommandDispatcher dispatcher,
    IArticleStore store,
    IOptions<TerminalOptions> options,
    IHostApplicationLifetime lifetime,
    ConsoleProgress progress) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish (content loaded, logs flushed) before the prompt appears.
        await Task.Yield();
        try
        {
            var session = new TerminalSession(dispatcher, store, Console.In, Console.Out, progress);
            await session.RunAsync(options.Value.ContentFolder, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
