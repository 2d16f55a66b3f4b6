using System.Globalization;
using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Commands.Components;
using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Translation;

/// <summary>
/// Reads Discord interactions into the transport-neutral command model: who called (member in guilds, user in DMs,
/// with permissions and roles), which command and subcommand, and every option value as invariant text.
/// </summary>
public sealed class InteractionTranslator
{
    public CommandCaller ToCaller(JsonInteraction interaction)
    {
        var member = interaction.Member;
        var user = member?.User ?? interaction.User;
        var displayName = member?.Nick ?? user?.GlobalName ?? user?.Username ?? "unknown user";
        var permissions = ulong.TryParse(member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;
        return new CommandCaller(user?.Id ?? 0, displayName)
        {
            GuildId = interaction.GuildId,
            ChannelId = interaction.ChannelId,
            Permissions = (CallerPermissions)permissions,
            RoleIds = member?.Roles
                .Select(r => ulong.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(id => id != 0)
                .ToArray() ?? [],
            Locale = string.IsNullOrWhiteSpace(interaction.Locale) ? "en-US" : interaction.Locale,
        };
    }

    /// <summary>An APPLICATION_COMMAND (or the filled-in part of an autocomplete) as a request.</summary>
    public CommandRequest ToCommandRequest(JsonInteraction interaction)
    {
        var data = interaction.Data ?? throw new InvalidOperationException("The interaction has no command data.");
        var (subcommand, options) = Flatten(data.Options);
        return new CommandRequest(data.Name ?? "", options.ToDictionary(o => o.Name, o => ValueText(o), StringComparer.Ordinal), ToCaller(interaction))
        {
            Subcommand = subcommand,
        };
    }

    /// <summary>An APPLICATION_COMMAND_AUTOCOMPLETE: the request so far, the focused option and what has been typed.</summary>
    public AutocompleteRequest ToAutocompleteRequest(JsonInteraction interaction)
    {
        var command = ToCommandRequest(interaction);
        var (_, options) = Flatten(interaction.Data?.Options ?? []);
        var focused = options.FirstOrDefault(o => o.Focused) ?? (options.Count > 0 ? options[^1] : null);
        return new AutocompleteRequest(command, focused?.Name ?? "", focused is null ? "" : ValueText(focused));
    }

    /// <summary>A button click decoded back into the command its custom id encodes; false for ids we did not make.</summary>
    public bool TryToComponentRequest(JsonInteraction interaction, out CommandRequest request)
    {
        request = null!;
        return interaction.Data?.CustomId is { } customId && ComponentId.TryDecode(customId, ToCaller(interaction), out request);
    }

    private static (string? Subcommand, IReadOnlyList<JsonInteractionOption> Options) Flatten(IReadOnlyList<JsonInteractionOption> options)
    {
        // Subcommand groups (type 2) wrap subcommands (type 1); the command model has one level, so a group's
        // subcommand is what runs.
        var current = options;
        string? subcommand = null;
        while (current.Count == 1 && current[0].Type is (int)CommandOptionType.Subcommand or 2)
        {
            subcommand = current[0].Name;
            current = current[0].Options;
        }

        return (subcommand, current);
    }

    private static string ValueText(JsonInteractionOption option)
    {
        if (option.Value is not { } value)
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number when value.TryGetInt64(out var integer) => integer.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }
}
