using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BriefingBot.Testing.Discord;
using BriefingBot.Testing.Processes;

namespace BriefingBot.Tests.MultiInstance;

/// <summary>
/// Several bot processes in HTTP-interactions mode over one PostgreSQL database and one content folder, against the
/// fake Discord, as a deployment behind a load balancer runs them. Each instance has its own port, so a test can talk
/// to one of them directly, kill it, or start it again.
/// </summary>
public sealed class BotCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _binFolder = AppContext.BaseDirectory;
    private readonly IReadOnlyList<string> _sharedArguments;
    private readonly int[] _ports;
    private readonly BotInstance?[] _instances;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _generation;

    private BotCluster(FakeDiscordServer discord, InteractionSigner signer, IReadOnlyList<string> sharedArguments, int size)
    {
        Discord = discord;
        Signer = signer;
        _sharedArguments = sharedArguments;
        _ports = Enumerable.Range(0, size).Select(_ => FreePort()).ToArray();
        _instances = new BotInstance?[size];
    }

    public FakeDiscordServer Discord { get; }

    public InteractionSigner Signer { get; }

    public int Size => _instances.Length;

    public BotInstance this[int index] => _instances[index] ?? throw new InvalidOperationException($"Instance {index} is not running.");

    public IEnumerable<BotInstance> Running => _instances.OfType<BotInstance>().Where(i => !i.HasExited);

    /// <summary>Starts <paramref name="size"/> instances with the shared arguments (storage, content, Discord) and waits until each answers.</summary>
    public static async Task<BotCluster> StartAsync(FakeDiscordServer discord, IReadOnlyList<string> sharedArguments, int size = 3)
    {
        var signer = new InteractionSigner();
        var cluster = new BotCluster(discord, signer, sharedArguments, size);
        try
        {
            for (var i = 0; i < size; i++)
            {
                cluster.Launch(i);
            }

            await Task.WhenAll(Enumerable.Range(0, size).Select(cluster.WaitReadyAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts instance <paramref name="index"/> again (after <see cref="BotInstance.Kill"/>) on its port.</summary>
    public async Task RestartAsync(int index)
    {
        if (_instances[index] is { } old)
        {
            await old.DisposeAsync();
        }

        Launch(index);
        await WaitReadyAsync(index);
    }

    /// <summary>
    /// Sends a signed interaction to one instance and returns the message it finally shows: the HTTP response's data
    /// when it answered at once, else the edit it made after deferring.
    /// </summary>
    public async Task<JsonNode> SendAsync(int index, JsonObject interaction)
    {
        using var request = Signed(index, interaction);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["type"]!.GetValue<int>() != 5)
        {
            return body["data"]!;
        }

        var token = interaction["token"]!.GetValue<string>();
        var edit = await Discord.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.Contains($"/{token}/messages/@original", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return edit.Json!;
    }

    /// <summary>Sends a signed interaction to one instance and returns only the HTTP status it answered with.</summary>
    public async Task<HttpStatusCode> SendForStatusAsync(int index, JsonObject interaction)
    {
        using var request = Signed(index, interaction);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>What every instance printed, for a failing assertion's message.</summary>
    public string Logs() => string.Join(Environment.NewLine, _instances.OfType<BotInstance>().Select(i => i.Tail(60)));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.OfType<BotInstance>())
        {
            await instance.DisposeAsync();
        }

        _http.Dispose();
    }

    private void Launch(int index)
    {
        var arguments = _sharedArguments.Concat(
        [
            "--Discord:Mode=http",
            $"--Discord:PublicKey={Signer.PublicKeyHex}",
            $"--Discord:HttpUrls=http://127.0.0.1:{_ports[index]}",
        ]);
        var name = string.Create(CultureInfo.InvariantCulture, $"bot{index + 1}.{Interlocked.Increment(ref _generation)}");
        _instances[index] = BotInstance.Start(name, _binFolder, arguments);
    }

    private async Task WaitReadyAsync(int index)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_instances[index]!.HasExited)
            {
                throw new InvalidOperationException($"Instance {index} exited while starting.{Environment.NewLine}{_instances[index]!.Tail()}");
            }

            try
            {
                using var ping = Signed(index, DiscordPayloads.Ping());
                using var response = await _http.SendAsync(ping);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {index} did not answer within {StartTimeout}.{Environment.NewLine}{_instances[index]!.Tail()}");
            }

            await Task.Delay(200);
        }
    }

    private HttpRequestMessage Signed(int index, JsonObject interaction)
    {
        var request = Signer.Sign(interaction.ToJsonString());
        request.RequestUri = new Uri($"http://127.0.0.1:{_ports[index]}/interactions");
        return request;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
