using System.Text.Json.Nodes;

namespace BriefingBot.Benchmarks.Load;

/// <summary>How a load run delivers interactions: signed HTTP requests, or dispatches over the fake gateway.</summary>
public interface IDriver
{
    /// <summary>Does per-interaction preparation (signing) before the clock starts, so the generator's own CPU use
    /// during the run is small and the bot keeps the cores it would have.</summary>
    void Prepare(IEnumerable<JsonObject> payloads);

    /// <summary>Delivers one interaction; returns once it is on its way (never waits for the bot's work).</summary>
    Task SendAsync(string kind, JsonObject payload, InteractionLedger ledger, CancellationToken cancellationToken);

    /// <summary>Called once halfway through the run (the gateway forces a reconnect there).</summary>
    void Midpoint();

    /// <summary>Waits for sends still in flight.</summary>
    Task DrainAsync();

    /// <summary>Adds what this transport observed to the report.</summary>
    void Describe(JsonObject report);
}
