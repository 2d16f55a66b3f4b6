namespace BriefingBot.Commands.Replies;

/// <summary>
/// What a handler answers, independent of any transport: text, embeds, buttons and whether only the caller sees it.
/// <see cref="Data"/> carries the structured result for machine output (the CLI's <c>--json</c>).
/// </summary>
public sealed record Reply
{
    public string? Content { get; init; }

    public IReadOnlyList<ReplyEmbed> Embeds { get; init; } = [];

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Only the caller sees it (Discord's ephemeral flag).</summary>
    public bool Ephemeral { get; init; }

    public ReplyKind Kind { get; init; } = ReplyKind.Success;

    /// <summary>
    /// The structured result behind the reply (e.g. an answer result), serialised by machine-facing transports. One of
    /// the result types registered in <see cref="Results.CommandResultJsonContext"/>: that list is the <c>--json</c> contract.
    /// </summary>
    public object? Data { get; init; }

    public static Reply Text(string content, bool ephemeral = false) => new() { Content = content, Ephemeral = ephemeral };

    /// <summary>A friendly, private message for input the bot cannot use.</summary>
    public static Reply Problem(string message) => new() { Content = message, Ephemeral = true, Kind = ReplyKind.Problem };

    /// <summary>A private refusal for a caller who lacks a permission.</summary>
    public static Reply Refused(string message) => new() { Content = message, Ephemeral = true, Kind = ReplyKind.Refused };
}
