namespace BriefingBot.Terminal;

/// <summary>A parsed console line: a request to dispatch, or what was wrong with the line.</summary>
public sealed record SlashParseResult(CommandRequest? Request, string? Problem)
{
    public static SlashParseResult Ok(CommandRequest request) => new(request, null);

    public static SlashParseResult Fail(string problem) => new(null, problem);
}
