using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Feeds.Fetching;

/// <summary>
/// The connect step of the feeds' HTTP handler: resolves the host itself and connects only to addresses the
/// <see cref="AddressPolicy"/> allows. Checking here, after DNS and for every new connection (so after every redirect
/// to another host too), closes the gap a check on the URL leaves: a public name that resolves to 169.254.169.254.
/// </summary>
public static class SafeConnector
{
    public static SocketsHttpHandler CreateHandler(AddressPolicy policy, TimeSpan connectTimeout) => new()
    {
        // Redirects are followed by FeedHttpClient, one checked hop at a time.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    };

    public static async ValueTask<Stream> ConnectAsync(AddressPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException(endPoint.Host, addresses[0]);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
