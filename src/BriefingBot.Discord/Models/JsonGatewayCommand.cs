using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>A payload the bot sends on the gateway. <c>d</c> is always written, even as null (a first heartbeat).</summary>
public sealed record JsonGatewayCommand(
    [property: JsonPropertyName("op")] int Opcode,
    [property: JsonPropertyName("d"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Data);
