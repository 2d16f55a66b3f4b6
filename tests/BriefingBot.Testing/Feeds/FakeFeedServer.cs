using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Testing.Feeds;

/// <summary>
/// Publishers on 127.0.0.1 (Kestrel, a free port, real sockets) for feed tests and the feeds benchmark: each path
/// answers with what the test set, and every request is counted with its conditional headers.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FeedRequest> _requests = new();
    private int _notModified;

    private FakeFeedServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Root { get; private set; } = null!;

    public IReadOnlyCollection<FeedRequest> Requests => _requests;

    /// <summary>How many requests <see cref="Serve"/> answered with 304.</summary>
    public int NotModifiedCount => Volatile.Read(ref _notModified);

    public static async Task<FakeFeedServer> StartAsync(IPAddress? address = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address ?? IPAddress.Loopback, 0);
            kestrel.Limits.MaxResponseBufferSize = null;
        });
        var app = builder.Build();
        var server = new FakeFeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    public Uri Url(string path) => new(Root, path.TrimStart('/'));

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/> until replaced.</summary>
    public void Map(string path, Func<HttpContext, Task> handler) => _routes["/" + path.TrimStart('/')] = handler;

    /// <summary>Serves a document with an ETag derived from its text, answering 304 when the client already has it.</summary>
    public void Serve(string path, string body, string contentType = "application/rss+xml")
    {
        var etag = "\"" + ((uint)StringComparer.Ordinal.GetHashCode(body)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
        Map(path, async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                Interlocked.Increment(ref _notModified);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = contentType;
            context.Response.Headers.ETag = etag;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
    }

    public int CountRequests(string path) => _requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(new FeedRequest(path, context.Request.Headers.IfNoneMatch.ToString(), context.Request.Headers.UserAgent.ToString()));
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
