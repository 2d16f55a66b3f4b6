namespace BriefingBot.Testing.Discord;

/// <summary>A one-off answer the fake server gives to the next request matching a method and path fragment.</summary>
public sealed record ScriptedResponse(string Method, string PathContains, int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the server sits on the request before answering (a slow or hung Discord).</summary>
    public TimeSpan Delay { get; init; }
}
