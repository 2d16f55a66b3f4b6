using System.Data.Common;
using BriefingBot.Cli;
using BriefingBot.Commands;
using BriefingBot.Core.Articles;
using BriefingBot.Core.Store;
using BriefingBot.Feeds;
using BriefingBot.Semantics;
using Microsoft.Extensions.Options;

namespace BriefingBot;

/// <summary>Runs the bot for a command line: a one-shot verb, or the long-running bot (console or Discord).</summary>
public static class BotApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var launch = LaunchArguments.Parse(args);
        try
        {
            using var host = BotHostBuilder.Build(launch, args);
            if (!launch.IsOneShot)
            {
                await host.RunAsync(cancellationToken);
                return OneShotRunner.ExitOk;
            }

            // A one-shot run never starts the host, so check the options here as start-up would.
            _ = host.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<SemanticAnswerOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<FeedsOptions>>().Value;
            if (UsesMeaning(launch.CommandArgs))
            {
                // The model loads on the second core while the first reads the articles.
                host.Services.GetRequiredService<SemanticModel>().StartLoading();
            }

            var runner = new OneShotRunner(
                host.Services.GetRequiredService<CommandDispatcher>(),
                host.Services.GetRequiredService<ContentReloader>(),
                output,
                error);
            return await runner.RunAsync(launch.CommandArgs, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Configuration problem: " + string.Join(" ", ex.Failures));
            return OneShotRunner.ExitBadInput;
        }
        catch (DbException ex)
        {
            // Most often a PostgreSQL server that is down or a connection string that points elsewhere: say so in
            // one line (the host has already logged the details) rather than end with a stack trace.
            await error.WriteLineAsync(
                $"State database problem: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : "")}. "
                + "Check Storage:Provider and Storage:ConnectionString (or Storage:DatabasePath), and that the database server is running and reachable.");
            return OneShotRunner.ExitFailure;
        }
    }

    /// <summary>Verbs that rank by meaning; the others never wait for the model, so they should not load it.</summary>
    private static bool UsesMeaning(IReadOnlyList<string> commandArgs) =>
        commandArgs.Count > 0 && commandArgs[0] is "ask" && !commandArgs.Contains("--help") && !commandArgs.Contains("-h");
}
