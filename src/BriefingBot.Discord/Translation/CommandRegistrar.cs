using System.Globalization;
using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Translation;

/// <summary>
/// Registers the command catalogue with Discord on start: builds the commands JSON in one place, compares it with
/// what Discord already has, and bulk-overwrites only on a difference (command creates are capped per day). Goes
/// to each configured guild (instant; development) or, with none configured, globally.
/// </summary>
public sealed partial class CommandRegistrar(
    CommandCatalog catalog,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    /// <summary>Manage Server, the permission moderator commands are shown to by default.</summary>
    public const string ModeratorPermissions = "32";

    /// <summary>The commands as Discord should see them. Guild scope leaves out <c>contexts</c> (global-only field).</summary>
    public static IReadOnlyList<JsonApplicationCommand> BuildCommands(IEnumerable<CommandDefinition> definitions, bool global) =>
        definitions.Select(d => new JsonApplicationCommand
        {
            Name = d.Name,
            Description = d.Description,
            Options = d.Options.Count == 0 ? null : d.Options.Select(BuildOption).ToArray(),
            DefaultMemberPermissions = d.ModeratorOnly ? ModeratorPermissions : null,
            Contexts = d.ModeratorOnly && global ? [0] : null,
        }).ToArray();

    /// <summary>Syncs every configured scope; returns how many scopes needed a PUT.</summary>
    public async Task<int> RegisterAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        var guilds = options.Value.GuildIds;
        IReadOnlyList<ulong?> scopes = guilds.Count == 0 ? [null] : guilds.Select(g => (ulong?)g).ToArray();
        var updated = 0;
        foreach (var guildId in scopes)
        {
            var desired = BuildCommands(catalog.Definitions, global: guildId is null);
            var existing = await rest.GetCommandsAsync(applicationId, guildId, cancellationToken);
            var scope = guildId?.ToString(CultureInfo.InvariantCulture) ?? "global";
            if (AreEquivalent(desired, existing))
            {
                LogUnchanged(logger, desired.Count, scope);
                continue;
            }

            await rest.BulkOverwriteCommandsAsync(applicationId, guildId, desired, cancellationToken);
            LogRegistered(logger, desired.Count, scope);
            updated++;
        }

        return updated;
    }

    /// <summary>
    /// Compares only what we send: Discord echoes extra fields (ids, versions, localisations, defaults) and may omit
    /// false flags, so both sides are normalised first. Command order does not matter; option order does (it is
    /// what users see).
    /// </summary>
    public static bool AreEquivalent(IReadOnlyList<JsonApplicationCommand> desired, IReadOnlyList<JsonApplicationCommand> existing)
    {
        if (desired.Count != existing.Count)
        {
            return false;
        }

        var existingByName = existing.Where(c => c.Type == 1).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var command in desired)
        {
            if (!existingByName.TryGetValue(command.Name, out var current))
            {
                return false;
            }

            var want = Normalize(command);
            var have = Normalize(current);
            if (command.Contexts is null)
            {
                have = have with { Contexts = null }; // we did not ask for contexts, so Discord's default is fine
            }

            if (Canonical(want) != Canonical(have))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonApplicationCommandOption BuildOption(CommandOptionDefinition option) => new()
    {
        Type = (int)option.Type,
        Name = option.Name,
        Description = option.Description,
        Required = option.Required && option.Type != CommandOptionType.Subcommand ? true : null,
        Autocomplete = option.Autocomplete && option.Choices.Count == 0 ? true : null, // Discord refuses both together
        Choices = option.Choices.Count == 0 ? null : option.Choices.Select(c => new JsonCommandChoice(c.Name, ChoiceValue(option.Type, c.Value))).ToArray(),
        Options = option.Options.Count == 0 ? null : option.Options.Select(BuildOption).ToArray(),
        MinLength = option.Type == CommandOptionType.String ? option.MinLength : null,
        MaxLength = option.Type == CommandOptionType.String ? option.MaxLength : null,
        MinValue = option.Type == CommandOptionType.Integer ? option.MinValue : null,
        MaxValue = option.Type == CommandOptionType.Integer ? option.MaxValue : null,
    };

    private static JsonElement ChoiceValue(CommandOptionType type, string value) =>
        type == CommandOptionType.Integer && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonSerializer.SerializeToElement(number)
            : JsonSerializer.SerializeToElement(value);

    private static JsonApplicationCommand Normalize(JsonApplicationCommand command) => command with
    {
        Options = NormalizeOptions(command.Options),
        Contexts = command.Contexts is { Count: > 0 } contexts ? contexts.Order().ToArray() : null,
    };

    private static JsonApplicationCommandOption[]? NormalizeOptions(IReadOnlyList<JsonApplicationCommandOption>? options) =>
        options is not { Count: > 0 } ? null : options.Select(o => o with
        {
            Required = o.Required == true ? true : null,
            Autocomplete = o.Autocomplete == true ? true : null,
            Choices = o.Choices is { Count: > 0 } ? o.Choices : null,
            Options = NormalizeOptions(o.Options),
        }).ToArray();

    private static string Canonical(JsonApplicationCommand command) => JsonSerializer.Serialize(command, DiscordJson.Options);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Registered {Count} commands ({Scope})")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "{Count} commands already up to date ({Scope}); nothing to register")]
    private static partial void LogUnchanged(ILogger logger, int count, string scope);
}
