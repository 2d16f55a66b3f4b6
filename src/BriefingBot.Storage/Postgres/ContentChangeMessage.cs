using BriefingBot.Core.Cluster;

namespace BriefingBot.Storage.Postgres;

/// <summary>The payload of a change notification: what changed, and which instance changed it ("Folder|host/123/ab12cd").</summary>
public sealed record ContentChangeMessage(ContentChange Change, string Sender)
{
    /// <summary>The LISTEN/NOTIFY channel every instance of the bot on one database shares.</summary>
    public const string Channel = "briefingbot_changes";

    public string Format() => $"{Change}|{Sender}";

    public static ContentChangeMessage? Parse(string? payload)
    {
        var bar = payload?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && Enum.TryParse<ContentChange>(payload![..bar], ignoreCase: false, out var change) && Enum.IsDefined(change)
            ? new ContentChangeMessage(change, payload[(bar + 1)..])
            : null;
    }
}
