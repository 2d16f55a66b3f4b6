using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// Everything a load run saw happen to each interaction, keyed by its token: when it was sent, each initial response
/// (HTTP body or callback) and each final message (edit of the original or follow-up). Classifies them the way
/// Discord would: an initial response after 3 s is lost; a deferral needs exactly one final message within 15 s.
/// </summary>
public sealed class InteractionLedger
{
    public static readonly TimeSpan AckWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan FinishWindow = TimeSpan.FromSeconds(15);

    /// <summary>Final replies slower than this are counted per second of the run (<c>slowSeconds</c>), to show when stalls happen.</summary>
    private const double SlowMs = 500;

    private const string BusyMarker = "busy right now";

    private readonly ConcurrentDictionary<string, Tracked> _byToken = new(StringComparer.Ordinal);

    public int Count => _byToken.Count;

    public void Sent(string kind, JsonObject payload, long at) =>
        _byToken[payload["token"]!.GetValue<string>()] = new Tracked(kind, at);

    /// <summary>An initial response: the HTTP body, or a callback the fake Discord received.</summary>
    public void Initial(string token, string json, long at)
    {
        if (!_byToken.TryGetValue(token, out var tracked))
        {
            return;
        }

        var body = JsonNode.Parse(json);
        var type = body?["type"]?.GetValue<int>() ?? 0;
        lock (tracked)
        {
            tracked.Initials++;
            if (tracked.Initials == 1)
            {
                tracked.AckAt = at;
                tracked.AckType = type;
                tracked.Busy = json.Contains(BusyMarker, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Follows the fake Discord's REST traffic: callbacks, edits of @original and follow-ups.</summary>
    public void Observe(RecordedRequest request)
    {
        var at = Stopwatch.GetTimestamp();
        var parts = request.Path.Split('?')[0].Trim('/').Split('/');
        switch (request.Method, parts)
        {
            case ("POST", ["api", "v10", "interactions", _, var token, "callback"]):
                Initial(token, request.Body, at);
                break;
            case ("PATCH", ["api", "v10", "webhooks", _, var edited, "messages", "@original"]):
                Final(edited, request.Body, at);
                break;
            case ("POST", ["api", "v10", "webhooks", _, var followedUp]):
                Final(followedUp, request.Body, at);
                break;
        }
    }

    /// <summary>True when every interaction has its final reply (or cannot get one any more).</summary>
    public bool Settled(long now) => _byToken.Values.All(t => t.IsSettled(now));

    public JsonObject Report(long from, long to)
    {
        var latencies = new List<double>();
        int acked = 0, within3 = 0, deferred = 0, lost = 0, doubled = 0, busy = 0;
        var byKind = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var slowBySecond = new SortedDictionary<int, (int Count, double Max)>();
        var lostSamples = new JsonArray();
        foreach (var (token, tracked) in _byToken)
        {
            lock (tracked)
            {
                var outcome = tracked.Classify();
                if (tracked.AckAt is { } ack && Stopwatch.GetElapsedTime(tracked.SentAt, ack) <= AckWindow)
                {
                    acked++;
                }

                if (tracked.AckType is 5 or 6)
                {
                    deferred++;
                }

                if (outcome.Doubled)
                {
                    doubled++;
                }

                if (outcome.FinalMs is not { } ms)
                {
                    lost++;
                    if (lostSamples.Count < 5)
                    {
                        lostSamples.Add(new JsonObject
                        {
                            ["token"] = token,
                            ["kind"] = tracked.Kind,
                            ["sentAtS"] = Math.Round(Stopwatch.GetElapsedTime(from, tracked.SentAt).TotalSeconds, 3),
                            ["initials"] = tracked.Initials,
                            ["finals"] = tracked.Finals,
                        });
                    }

                    continue;
                }

                busy += tracked.Busy ? 1 : 0;
                within3 += ms <= AckWindow.TotalMilliseconds ? 1 : 0;
                latencies.Add(ms);
                if (!byKind.TryGetValue(tracked.Kind, out var list))
                {
                    byKind[tracked.Kind] = list = [];
                }

                list.Add(ms);
                if (ms > SlowMs)
                {
                    var second = (int)Math.Max(0, Stopwatch.GetElapsedTime(from, tracked.SentAt).TotalSeconds);
                    var (count, max) = slowBySecond.GetValueOrDefault(second);
                    slowBySecond[second] = (count + 1, Math.Max(max, ms));
                }
            }
        }

        latencies.Sort();
        var kinds = new JsonObject();
        foreach (var (kind, list) in byKind)
        {
            list.Sort();
            kinds[kind] = new JsonObject { ["answered"] = list.Count, ["p50Ms"] = Percentile(list, 0.5), ["p99Ms"] = Percentile(list, 0.99) };
        }

        return new JsonObject
        {
            ["sent"] = _byToken.Count,
            ["acknowledgedWithin3s"] = acked,
            ["answeredWithin3s"] = within3,
            ["deferred"] = deferred,
            ["busy"] = busy,
            ["lost"] = lost,
            ["doubled"] = doubled,
            ["latencyMs"] = new JsonObject
            {
                ["p50"] = Percentile(latencies, 0.5),
                ["p95"] = Percentile(latencies, 0.95),
                ["p99"] = Percentile(latencies, 0.99),
                ["max"] = latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 1),
            },
            ["byKind"] = kinds,
            ["sendSpanS"] = Math.Round(Stopwatch.GetElapsedTime(from, to).TotalSeconds, 2),
            ["lostSamples"] = lostSamples,
            ["slowSeconds"] = new JsonArray(slowBySecond.Select(s => (JsonNode)new JsonObject { ["second"] = s.Key, ["over500Ms"] = s.Value.Count, ["maxMs"] = Math.Round(s.Value.Max, 1) }).ToArray()),
        };
    }

    private void Final(string token, string json, long at)
    {
        if (!_byToken.TryGetValue(token, out var tracked))
        {
            return;
        }

        lock (tracked)
        {
            tracked.Finals++;
            tracked.FinalAt ??= at;
            tracked.Busy |= json.Contains(BusyMarker, StringComparison.Ordinal);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    private sealed class Tracked(string kind, long sentAt)
    {
        public string Kind { get; } = kind;

        public long SentAt { get; } = sentAt;

        public int Initials { get; set; }

        public long? AckAt { get; set; }

        public int AckType { get; set; }

        public int Finals { get; set; }

        public long? FinalAt { get; set; }

        public bool Busy { get; set; }

        public bool IsSettled(long now)
        {
            lock (this)
            {
                var age = Stopwatch.GetElapsedTime(SentAt, now);
                return AckAt is null ? age > AckWindow : AckType is not (5 or 6) || Finals > 0 || age > FinishWindow;
            }
        }

        /// <summary>Milliseconds to the final reply (null when lost), and whether more than one reply arrived.</summary>
        public (double? FinalMs, bool Doubled) Classify()
        {
            var doubled = Initials > 1;
            if (AckAt is not { } ack || Stopwatch.GetElapsedTime(SentAt, ack) > AckWindow)
            {
                return (null, doubled);
            }

            if (AckType is not (5 or 6))
            {
                return (Stopwatch.GetElapsedTime(SentAt, ack).TotalMilliseconds, doubled || Finals > 0);
            }

            doubled |= Finals > 1;
            return FinalAt is { } final && Stopwatch.GetElapsedTime(SentAt, final) <= FinishWindow
                ? (Stopwatch.GetElapsedTime(SentAt, final).TotalMilliseconds, doubled)
                : (null, doubled);
        }
    }
}
