using System.Text.Json.Nodes;

namespace BriefingBot.Testing.Discord;

/// <summary>A REST request the fake Discord server received, with the moment it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The body parsed as JSON (null when empty).</summary>
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
