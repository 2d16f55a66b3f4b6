using System.Text.Json;

namespace BriefingBot.Discord.Models;

/// <summary>
/// A fixed choice on a declared option, or an autocomplete suggestion. <see cref="Value"/> is a JSON string or
/// number, matching the option's type (Discord rejects a string value on an integer option).
/// </summary>
public sealed record JsonCommandChoice(string Name, JsonElement Value);
