using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace BriefingBot.Testing.Discord;

/// <summary>
/// Messages the fake Discord created in channels (Create Message). Like Discord, a repeated <c>nonce</c> sent with
/// <c>enforce_nonce: true</c> in the same channel returns the message already created instead of a second one.
/// A channel can be told to hold its replies after the message is created, as a slow Discord would: a bot killed
/// during the hold never learns that its message landed.
/// </summary>
public sealed class FakeChannelMessages
{
    private readonly object _sync = new();
    private readonly List<CreatedMessage> _created = [];
    private readonly ConcurrentDictionary<string, TimeSpan> _holds = new(StringComparer.Ordinal);
    private long _nextId = 1_100_000_000_000_000_000;

    public IReadOnlyList<CreatedMessage> Created
    {
        get
        {
            lock (_sync)
            {
                return _created.ToArray();
            }
        }
    }

    public IReadOnlyList<CreatedMessage> In(string channelId) => Created.Where(m => m.ChannelId == channelId).ToArray();

    /// <summary>Holds the reply to the next message created in the channel for <paramref name="delay"/> (once).</summary>
    public void HoldNextReply(string channelId, TimeSpan delay) => _holds[channelId] = delay;

    /// <summary>Creates (or, for a repeated enforced nonce, finds) the message; returns its JSON and how long to hold the reply.</summary>
    public (string Json, TimeSpan Hold) Create(string channelId, string body)
    {
        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        var nonce = json?["nonce"]?.ToString();
        var enforce = json?["enforce_nonce"]?.GetValue<bool>() == true;
        CreatedMessage message;
        lock (_sync)
        {
            var existing = enforce && nonce is not null
                ? _created.FirstOrDefault(m => m.ChannelId == channelId && m.Nonce == nonce)
                : null;
            message = existing ?? new CreatedMessage((++_nextId).ToString(CultureInfo.InvariantCulture), channelId, nonce, body, DateTimeOffset.UtcNow);
            if (existing is null)
            {
                _created.Add(message);
            }
        }

        var hold = _holds.TryRemove(channelId, out var delay) ? delay : TimeSpan.Zero;
        var reply = new JsonObject { ["id"] = message.Id, ["channel_id"] = channelId, ["content"] = json?["content"]?.DeepClone() ?? "" };
        if (nonce is not null)
        {
            reply["nonce"] = nonce;
        }

        return (reply.ToJsonString(), hold);
    }
}
