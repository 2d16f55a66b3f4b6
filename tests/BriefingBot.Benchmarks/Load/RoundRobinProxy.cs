using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// The load balancer in front of several bot instances in HTTP-interactions mode: each request goes to the next
/// instance in turn, headers (the signature) and body unchanged, and the instance's answer comes back as it is.
/// Deliberately plain, like an nginx <c>upstream</c> with default round robin.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly string[] HopByHop = ["Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Content-Length"];
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly Uri[] _backends;
    private long _next;

    private RoundRobinProxy(WebApplication app, HttpClient http, Uri[] backends)
    {
        _app = app;
        _http = http;
        _backends = backends;
    }

    public int Port { get; private set; }

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<int> backendPorts, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var proxy = new RoundRobinProxy(app, http, backendPorts.Select(p => new Uri($"http://127.0.0.1:{p}")).ToArray());
        app.Run(proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);
        proxy.Port = new Uri(app.Urls.First()).Port;
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var backend = _backends[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_backends.Length)];
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(backend, context.Request.Path + context.Request.QueryString));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }
}
