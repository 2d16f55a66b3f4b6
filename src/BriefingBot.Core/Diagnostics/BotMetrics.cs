using System.Diagnostics.Metrics;

namespace BriefingBot.Core.Diagnostics;

/// <summary>
/// The bot's one <see cref="Meter"/> ("BriefingBot") and its instruments. Every layer records through this class, so
/// the names an operator alerts on are listed in one place (README "Operations"). Tag values are small closed sets
/// (command names, outcomes), never user input, so the number of series stays bounded.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "BriefingBot";

    private readonly Meter _meter;
    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _answerSeconds;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _reloadSeconds;
    private readonly Counter<long> _digests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _cooldowns;

    /// <summary>Uses the host's meter factory when there is one, so each host (and test) gets its own meter.</summary>
    public BotMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _interactions = _meter.CreateCounter<long>("briefingbot.interactions", "{interaction}", "Interactions handled, by command and outcome");
        _answerSeconds = _meter.CreateHistogram<double>(
            "briefingbot.interaction.duration",
            "s",
            "From the interaction's arrival to its final reply being sent",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 15] });
        _answers = _meter.CreateCounter<long>("briefingbot.answers", "{answer}", "Questions answered or declined (no confident answer)");
        _reloads = _meter.CreateCounter<long>("briefingbot.reloads", "{reload}", "Content reloads, by status");
        _reloadSeconds = _meter.CreateHistogram<double>(
            "briefingbot.reload.duration",
            "s",
            "How long a content reload took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        _digests = _meter.CreateCounter<long>("briefingbot.digests", "{digest}", "Scheduled digests posted or failed");
        _rateLimited = _meter.CreateCounter<long>("briefingbot.rest.rate_limited", "{response}", "HTTP 429 responses from Discord, by scope");
        _reconnects = _meter.CreateCounter<long>("briefingbot.gateway.reconnects", "{reconnect}", "Gateway reconnects, by how the session continued");
        _cooldowns = _meter.CreateCounter<long>("briefingbot.cooldowns", "{refusal}", "Commands refused by a cooldown, by scope");
    }

    /// <summary>For instruments that belong to one component (e.g. a queue-length gauge).</summary>
    public Meter Meter => _meter;

    /// <summary>Counts one interaction; <paramref name="outcome"/> is answered, deferred, busy, dropped, cooldown, refused, problem or failed.</summary>
    public void Interaction(string command, string outcome) =>
        _interactions.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));

    public void AnswerLatency(string command, TimeSpan elapsed) =>
        _answerSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("command", command));

    public void Answer(bool answered) =>
        _answers.Add(1, new KeyValuePair<string, object?>("result", answered ? "answered" : "declined"));

    public void Reload(string status, TimeSpan duration)
    {
        _reloads.Add(1, new KeyValuePair<string, object?>("status", status));
        _reloadSeconds.Record(duration.TotalSeconds);
    }

    public void Digest(bool posted) =>
        _digests.Add(1, new KeyValuePair<string, object?>("outcome", posted ? "posted" : "failed"));

    /// <summary>Counts one 429; <paramref name="scope"/> is route or global.</summary>
    public void RateLimited(string scope) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    /// <summary>Counts one reconnect of gateway shard <paramref name="shard"/>; <paramref name="next"/> is resume or identify.</summary>
    public void Reconnect(string next, int shard) =>
        _reconnects.Add(1, new KeyValuePair<string, object?>("next", next), new KeyValuePair<string, object?>("shard", shard));

    /// <summary>Counts one cooldown refusal; <paramref name="scope"/> is user or guild.</summary>
    public void Cooldown(string scope) =>
        _cooldowns.Add(1, new KeyValuePair<string, object?>("scope", scope));

    public void Dispose() => _meter.Dispose();
}
