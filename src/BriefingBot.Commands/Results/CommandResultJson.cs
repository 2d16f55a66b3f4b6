using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Results;

/// <summary>Writes a reply's structured result as JSON for machines (the CLI's <c>--json</c>).</summary>
public static class CommandResultJson
{
    /// <summary>
    /// The generated metadata with the settings it cannot express: enum values in camelCase (as before the contract was
    /// generated) and non-ASCII text written as is, because a terminal reader wants “quotes”, not \u201C escapes.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = CommandResultJsonContext.Default,
    };

    /// <summary>A success's result as is; anything else (or a success without one) in a <see cref="ProblemResult"/> envelope.</summary>
    public static string Serialize(Reply reply)
    {
        object payload = reply.Kind == ReplyKind.Success && reply.Data is not null
            ? reply.Data
            : new ProblemResult(reply.Kind, reply.Content, reply.Data);
        return JsonSerializer.Serialize(payload, Options.GetTypeInfo(payload.GetType()));
    }
}
