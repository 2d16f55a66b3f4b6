using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BriefingBot.Testing;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Tests;

/// <summary>
/// /healthz, /readyz and /metrics on the host as <c>dotnet run</c> composes it, in HTTP mode (next to /interactions)
/// and in gateway mode (the optional Health:Urls listener), against the fake Discord on loopback.
/// </summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "briefingbot-health-" + Guid.NewGuid().ToString("N"));
    private FakeDiscordServer _server = null!;

    private string Content => Path.Combine(_root, "content");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Content);
        _server = await FakeDiscordServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task HttpMode_ReadyzIsFalseUntilContentLoads_AndMetricsCountTheReload()
    {
        var signer = new InteractionSigner();
        var port = FreePort();
        var args = Args("--Discord:Mode=http", $"--Discord:PublicKey={signer.PublicKeyHex}", $"--Discord:HttpUrls=http://127.0.0.1:{port}");
        using var host = BotHostBuilder.Build(LaunchArguments.Parse(args), args);
        await host.StartAsync().WaitAsync(Timeout);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var alive = await http.GetAsync("/healthz").WaitAsync(Timeout);
            var notReady = await http.GetAsync("/readyz").WaitAsync(Timeout);

            foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
            {
                File.Copy(seed, Path.Combine(Content, Path.GetFileName(seed)));
            }

            var reload = DiscordPayloads.Command("reload", 32);
            var acknowledged = await http.SendAsync(signer.Sign(reload.ToJsonString())).WaitAsync(Timeout);
            await _server.WaitForRequestAsync("PATCH", $"/webhooks/{FakeDiscordServer.ApplicationId}/{reload["token"]}/messages/@original", Timeout);
            var ready = await http.GetAsync("/readyz").WaitAsync(Timeout);
            var metrics = await ReadMetricsAsync(http, "command=\"reload\"");

            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal(5, JsonNode.Parse(await acknowledged.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("briefingbot_interactions_total{", metrics, StringComparison.Ordinal);
            Assert.Contains("outcome=\"deferred\"", metrics, StringComparison.Ordinal);
            Assert.Contains("briefingbot_reloads_total{", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task GatewayMode_HealthListenerIsReadyOnlyWhileTheSessionIsLive()
    {
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(Content, Path.GetFileName(seed)));
        }

        var port = FreePort();
        var args = Args($"--Health:Urls=http://127.0.0.1:{port}");
        using var host = BotHostBuilder.Build(LaunchArguments.Parse(args), args);
        await host.StartAsync().WaitAsync(Timeout);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var connection = await _server.NextConnectionAsync(Timeout);
            var beforeReady = await http.GetAsync("/readyz").WaitAsync(Timeout);
            await connection.SendHelloAsync(45000);
            await connection.ReceiveAsync(Timeout);
            await connection.SendReadyAsync("session-1", _server.ResumeGatewayUrl, FakeDiscordServer.ApplicationId, 1);
            var afterReady = await WaitForStatusAsync(http, "/readyz", HttpStatusCode.OK);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeReady.StatusCode);
            Assert.Equal(HttpStatusCode.OK, afterReady);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz").WaitAsync(Timeout)).StatusCode);
        }
        finally
        {
            await host.StopAsync().WaitAsync(Timeout);
        }
    }

    private string[] Args(params string[] extra) =>
    [
        "--content", Content,
        "--Discord:Token=test-token",
        $"--Discord:ApiBaseUrl={_server.ApiBaseUrl}",
        "--Discord:GuildIds:0=4242",
        $"--Storage:DatabasePath={Path.Combine(_root, "bot.db")}",
        .. extra,
    ];

    /// <summary>Metrics are collected on scrape, but the counter lands after the edit; poll briefly for it.</summary>
    private static async Task<string> ReadMetricsAsync(HttpClient http, string expected)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var text = await http.GetStringAsync("/metrics").WaitAsync(Timeout);
            if (text.Contains(expected, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient http, string path, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = (await http.GetAsync(path).WaitAsync(Timeout)).StatusCode;
            if (status == wanted || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
