using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BriefingBot.Discord.Interactions;
using BriefingBot.Testing.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace BriefingBot.Discord.Tests.Support;

/// <summary>
/// HTTP mode in the ASP.NET Core test host: the mapped endpoint over the fake handlers, REST pointed at a
/// <see cref="FakeDiscordServer"/>, and requests signed with an Ed25519 key pair made here.
/// </summary>
public sealed class SignedInteractionsHost : IAsyncDisposable
{
    private readonly Ed25519PrivateKeyParameters _privateKey;
    private readonly string _publicKeyHex;
    private readonly FakeDiscordServer _server;
    private IHost _host = null!;

    private SignedInteractionsHost(FakeDiscordServer server)
    {
        _server = server;
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        _publicKeyHex = Convert.ToHexString(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()).ToLowerInvariant();
    }

    public TestLogSink Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host.Services;

    public static async Task<SignedInteractionsHost> StartAsync(FakeDiscordServer server)
    {
        var signed = new SignedInteractionsHost(server);
        signed._host = await signed.StartHostAsync();
        signed.Client = signed._host.GetTestClient();
        return signed;
    }

    /// <summary>Another host with the same key and fake server, e.g. to watch a second start.</summary>
    public Task<IHost> StartHostAsync()
    {
        var settings = DiscordTestHost.Settings(_server);
        settings["Discord:Mode"] = "http";
        settings["Discord:PublicKey"] = _publicKeyHex;
        settings["Discord:HttpUrls"] = "http://127.0.0.1:0";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    DiscordTestHost.AddCommands(services);
                    services.AddLogging(logging => logging.AddProvider(Logs));
                    services.AddRouting();
                    services.AddDiscordTransport(configuration);
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapDiscordInteractions());
                }))
            .StartAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = Now();
        return SendAsync(body, Sign(timestamp, body), timestamp);
    }

    public async Task<HttpResponseMessage> SendAsync(byte[] body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        using var timeout = new CancellationTokenSource(DiscordTestHost.Timeout);
        return await Client.SendAsync(request, timeout.Token);
    }

    public string Sign(string timestamp, byte[] body) => Sign(_privateKey, timestamp, body);

    public static string Sign(Ed25519PrivateKeyParameters key, string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        signer.BlockUpdate(prefix, 0, prefix.Length);
        signer.BlockUpdate(body, 0, body.Length);
        return Convert.ToHexString(signer.GenerateSignature()).ToLowerInvariant();
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
        Logs.Dispose();
    }
}
