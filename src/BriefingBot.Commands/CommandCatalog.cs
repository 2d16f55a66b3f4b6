namespace BriefingBot.Commands;

/// <summary>Every command the bot offers, in one place: registration, dispatch and /help all read from it.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandCatalog(IEnumerable<ICommandHandler> handlers)
    {
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Definition.Name, handler))
            {
                throw new InvalidOperationException($"Two handlers declare the command '{handler.Definition.Name}'.");
            }
        }

        Definitions = _handlers.Values.Select(h => h.Definition).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<CommandDefinition> Definitions { get; }

    public ICommandHandler? Find(string name) => _handlers.GetValueOrDefault(name);
}
