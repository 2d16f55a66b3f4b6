using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Discord.Models;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>What Discord would show of a message: content, titles, descriptions, fields, footers and labels, one per line.</summary>
public static class MessageText
{
    public static string Visible(JsonMessageContent message)
    {
        var node = JsonSerializer.SerializeToNode(message, DiscordJson.Options)!;
        node.AsObject().Remove("allowed_mentions");
        var sb = new StringBuilder();
        Collect(node, sb);
        return sb.ToString();
    }

    private static void Collect(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name is not ("custom_id" or "url"))
                    {
                        Collect(value, sb);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, sb);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                sb.Append(value.GetValue<string>()).Append('\n');
                break;
        }
    }
}
