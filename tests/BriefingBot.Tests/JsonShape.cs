using System.Text;
using System.Text.Json;

namespace BriefingBot.Tests;

/// <summary>
/// The shape of a JSON document: property names in order and value kinds, with every element of an array merged.
/// Snapshot tests compare shapes rather than values so that ranking or content changes do not break them, while a
/// renamed, added or removed field does.
/// </summary>
internal static class JsonShape
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var sb = new StringBuilder();
        Write(Describe(document.RootElement), sb);
        return sb.ToString();
    }

    private static Node Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new Node("object", element.EnumerateObject().Select(p => (p.Name, Describe(p.Value))).ToList(), null),
        JsonValueKind.Array => new Node("array", [], element.EnumerateArray().Select(Describe).Aggregate((Node?)null, Merge)),
        JsonValueKind.String => new Node("string", [], null),
        JsonValueKind.Number => new Node("number", [], null),
        JsonValueKind.True or JsonValueKind.False => new Node("bool", [], null),
        _ => new Node("null", [], null),
    };

    private static Node Merge(Node? left, Node right)
    {
        if (left is null)
        {
            return right;
        }

        if (left.Kind == "null")
        {
            return right;
        }

        if (right.Kind == "null" || left.Kind != right.Kind)
        {
            return left;
        }

        var properties = left.Properties.ToList();
        foreach (var (name, node) in right.Properties)
        {
            var at = properties.FindIndex(p => p.Name == name);
            if (at < 0)
            {
                properties.Add((name, node));
            }
            else
            {
                properties[at] = (name, Merge(properties[at].Node, node));
            }
        }

        var items = right.Items is null ? left.Items : Merge(left.Items, right.Items);
        return new Node(left.Kind, properties, items);
    }

    private static void Write(Node node, StringBuilder sb)
    {
        switch (node.Kind)
        {
            case "object":
                sb.Append('{');
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ", ").Append(node.Properties[i].Name).Append(": ");
                    Write(node.Properties[i].Node, sb);
                }

                sb.Append('}');
                break;
            case "array":
                sb.Append('[');
                if (node.Items is not null)
                {
                    Write(node.Items, sb);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node.Kind);
                break;
        }
    }

    private sealed record Node(string Kind, List<(string Name, Node Node)> Properties, Node? Items);
}
