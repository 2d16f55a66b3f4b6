using BriefingBot;
using BriefingBot.Cli;
using BriefingBot.Commands;
using BriefingBot.Core.Store;

var launch = LaunchArguments.Parse(args);
using var host = BotHostBuilder.CreateBuilder(launch, args).Build();
if (!launch.IsOneShot)
{
    await host.RunAsync();
    return 0;
}

var runner = new OneShotRunner(host.Services.GetRequiredService<CommandDispatcher>(), host.Services.GetRequiredService<ContentReloader>(), Console.Out, Console.Error);
return await runner.RunAsync(launch.CommandArgs, CancellationToken.None);
