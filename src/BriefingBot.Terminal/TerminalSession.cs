using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Store;

namespace BriefingBot.Terminal;

/// <summary>
/// The interactive console: read a line, run it as a slash command, print the reply. Typing a number presses a
/// button of the last reply, exactly as clicking it in Discord would. A command that runs long (a reload, the model's
/// first load) shows <see cref="ConsoleProgress"/> when one is given.
/// </summary>
public sealed class TerminalSession(
    CommandDispatcher dispatcher,
    IArticleStore store,
    TextReader input,
    TextWriter output,
    ConsoleProgress? progress = null)
{
    private IReadOnlyList<ReplyButton> _lastButtons = [];

    public async Task RunAsync(string contentFolder, CancellationToken cancellationToken)
    {
        var parser = new SlashLineParser(dispatcher.Catalog);
        var snapshot = store.Current;
        await output.WriteLineAsync($"BriefingBot (local console): {snapshot.Articles.Count} article(s) loaded from '{contentFolder}'"
            + (snapshot.Problems.Count > 0 ? $", {snapshot.Problems.Count} file(s) skipped (run /reload to see why)." : "."));
        await output.WriteLineAsync("Type a slash command, e.g. /ask who wrote the letter?  —  /help lists them all, /quit leaves.");
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "/quit" or "/exit" or "quit" or "exit")
            {
                return;
            }

            var reply = await RunLineAsync(line, parser, cancellationToken);
            await output.WriteLineAsync(PlainTextRenderer.Render(reply, ConsoleCapabilities.For(output)));
        }
    }

    private async Task<Reply> RunLineAsync(string line, SlashLineParser parser, CancellationToken cancellationToken)
    {
        CommandRequest request;
        if (int.TryParse(line, out var number))
        {
            var buttons = _lastButtons.Where(b => b.CustomId is not null).ToArray();
            if (number < 1 || number > buttons.Length || !ComponentId.TryDecode(buttons[number - 1].CustomId!, CommandCaller.LocalOperator, out request))
            {
                return Reply.Problem(buttons.Length == 0 ? "There are no buttons to press." : $"Type a number from 1 to {buttons.Length}.");
            }
        }
        else
        {
            var parsed = parser.Parse(line, CommandCaller.LocalOperator);
            if (parsed.Request is null)
            {
                return Reply.Problem(parsed.Problem!);
            }

            request = parsed.Request;
        }

        var dispatch = dispatcher.DispatchAsync(request, cancellationToken);
        var reply = progress is null ? await dispatch : await progress.ShowWhileAsync(ConsoleProgress.Describe(request), dispatch);
        if (reply.Buttons.Count > 0 || reply.Kind == ReplyKind.Success)
        {
            _lastButtons = reply.Buttons;
        }

        return reply;
    }
}
