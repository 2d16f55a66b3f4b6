using System.Globalization;
using System.Text.Json.Nodes;

namespace BriefingBot.Testing.Discord;

/// <summary>Interaction payloads shaped like Discord's, for the fake gateway and the HTTP endpoint.</summary>
public static class DiscordPayloads
{
    public const ulong GuildId = 700000000000000001;
    public const ulong ChannelId = 710000000000000001;
    public const ulong UserId = 720000000000000001;

    private static long _nextId = 800000000000000000;

    /// <summary>A fresh interaction id; tokens derive from it so each interaction has its own callback route.</summary>
    public static ulong NextId() => (ulong)Interlocked.Increment(ref _nextId);

    public static JsonObject Option(string name, int type, JsonNode? value, bool focused = false)
    {
        var option = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    public static JsonObject Subcommand(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) };

    /// <summary>A slash command (type 2) in a guild, from a member with the given permission bits.</summary>
    public static JsonObject Command(string name, ulong permissions = 0, params JsonObject[] options) =>
        Interaction(2, new JsonObject { ["id"] = "600000000000000001", ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) }, permissions);

    /// <summary>An autocomplete (type 4); one of the options should be focused.</summary>
    public static JsonObject Autocomplete(string name, params JsonObject[] options) =>
        Interaction(4, new JsonObject { ["id"] = "600000000000000001", ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) }, 0);

    /// <summary>A button click (type 3) carrying <paramref name="customId"/>.</summary>
    public static JsonObject Button(string customId) =>
        Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, 0);

    public static JsonObject Ping() => new()
    {
        ["id"] = NextId().ToString(CultureInfo.InvariantCulture),
        ["application_id"] = FakeDiscordServer.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["type"] = 1,
        ["token"] = "ping-token",
        ["version"] = 1,
    };

    private static JsonObject Interaction(int type, JsonObject data, ulong permissions)
    {
        var id = NextId().ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscordServer.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
            ["data"] = data,
            ["guild_id"] = GuildId.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = ChannelId.ToString(CultureInfo.InvariantCulture),
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = UserId.ToString(CultureInfo.InvariantCulture), ["username"] = "reader", ["global_name"] = "Reader" },
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions.ToString(CultureInfo.InvariantCulture),
            },
            ["token"] = "itoken-" + id,
            ["version"] = 1,
            ["locale"] = "en-GB",
            ["app_permissions"] = "18432",
        };
    }
}
