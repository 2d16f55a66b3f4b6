using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>The gateway envelope: opcode, data, and for dispatches (op 0) the sequence number and event name.</summary>
public sealed record JsonGatewayPayload
{
    [JsonPropertyName("op")]
    public int Opcode { get; init; }

    [JsonPropertyName("d")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Data { get; init; }

    [JsonPropertyName("s")]
    public int? Sequence { get; init; }

    [JsonPropertyName("t")]
    public string? EventName { get; init; }
}
