namespace BriefingBot.Commands;

/// <summary>Who invoked a command and where. Transports fill it in; handlers only read it.</summary>
/// <param name="UserId">The invoking user's id (0 for the local console operator).</param>
/// <param name="DisplayName">A name to show in audit records and replies.</param>
public sealed record CommandCaller(ulong UserId, string DisplayName)
{
    public ulong? GuildId { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>The caller's effective permissions in the channel (Discord's bit layout).</summary>
    public CallerPermissions Permissions { get; init; }

    public IReadOnlyList<ulong> RoleIds { get; init; } = [];

    /// <summary>The caller's locale, e.g. <c>en-US</c>.</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The person at the local console or CLI: trusted with every command.</summary>
    public static CommandCaller LocalOperator { get; } = new(0, "console")
    {
        Permissions = CallerPermissions.Administrator | CallerPermissions.ManageGuild,
    };
}
