using System.CommandLine;
using BriefingBot.Commands;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Core.Store;
using BriefingBot.Terminal;

namespace BriefingBot.Cli;

/// <summary>
/// One-shot commands for scripts (<c>briefingbot ask "…" --json</c>). The verbs, arguments and flags are generated
/// from the command catalogue, so every slash command is also a CLI verb with the same option names.
/// </summary>
public sealed class OneShotRunner(
    CommandDispatcher dispatcher,
    ContentReloader reloader,
    TextWriter output,
    TextWriter error,
    TimeProvider? timeProvider = null)
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadInput = 2;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var json = new Option<bool>("--json") { Description = "Print the structured result as JSON", Recursive = true };
        var root = new RootCommand("BriefingBot: answers questions about news articles. Run without a verb for the interactive console.");
        root.Options.Add(json);
        root.Options.Add(new Option<string>("--content") { Description = "The folder of article files (default: seeds)", Recursive = true });
        foreach (var definition in dispatcher.Catalog.Definitions)
        {
            root.Subcommands.Add(BuildVerb(definition, json));
        }

        var parsed = root.Parse(args.ToArray());
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private Command BuildVerb(CommandDefinition definition, Option<bool> json)
    {
        var verb = new Command(definition.Name, definition.Description);
        var subcommands = definition.Options.Where(o => o.Type == CommandOptionType.Subcommand).ToArray();
        if (subcommands.Length == 0)
        {
            AddOptions(verb, definition.Name, null, definition.Options, json);
        }

        foreach (var sub in subcommands)
        {
            var child = new Command(sub.Name, sub.Description);
            AddOptions(child, definition.Name, sub.Name, sub.Options, json);
            verb.Subcommands.Add(child);
        }

        return verb;
    }

    private void AddOptions(Command command, string name, string? subcommand, IReadOnlyList<CommandOptionDefinition> declared, Option<bool> json)
    {
        // The main option may also be given positionally: ask "who wrote the letter?"
        var main = declared.FirstOrDefault(o => o.Required) ?? declared.FirstOrDefault();
        var positional = main is null ? null : new Argument<string[]>(main.Name) { Arity = ArgumentArity.ZeroOrMore, Description = main.Description };
        if (positional is not null)
        {
            command.Arguments.Add(positional);
        }

        var flags = declared.ToDictionary(o => o.Name, o => new Option<string>("--" + o.Name) { Description = o.Description });
        foreach (var flag in flags.Values)
        {
            command.Options.Add(flag);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (option, flag) in flags)
            {
                if (result.GetValue(flag) is { } value)
                {
                    options[option] = value;
                }
            }

            if (positional is not null && result.GetValue(positional) is { Length: > 0 } words && !options.ContainsKey(main!.Name))
            {
                options[main.Name] = string.Join(' ', words);
            }

            return await ExecuteAsync(new CommandRequest(name, options, CommandCaller.LocalOperator) { Subcommand = subcommand }, result.GetValue(json), cancellationToken);
        });
    }

    private async Task<int> ExecuteAsync(CommandRequest request, bool json, CancellationToken cancellationToken)
    {
        var progress = ConsoleProgress.ForStandardError(error, timeProvider ?? TimeProvider.System);
        if (request.Name != "reload")
        {
            var load = await progress.ShowWhileAsync("Loading articles…", reloader.ReloadAsync(cancellationToken));
            foreach (var problem in load.Skipped)
            {
                await error.WriteLineAsync($"skipped {problem.Source}: {problem.Reason}");
            }
        }

        var reply = await progress.ShowWhileAsync(ConsoleProgress.Describe(request), dispatcher.DispatchAsync(request, cancellationToken));
        if (json)
        {
            await output.WriteLineAsync(CommandResultJson.Serialize(reply));
        }
        else
        {
            await output.WriteAsync(PlainTextRenderer.Render(reply, ConsoleCapabilities.For(output)));
        }

        return reply.Kind switch
        {
            ReplyKind.Success => ExitOk,
            ReplyKind.Failure => ExitFailure,
            _ => ExitBadInput,
        };
    }
}
