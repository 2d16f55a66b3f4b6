using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BriefingBot.Feeds.Fetching;

/// <summary>
/// Which resolved addresses the bot may connect to. Loopback, private, link-local (cloud metadata lives there),
/// carrier-grade NAT, unique-local, multicast and unspecified addresses are refused unless allow-listed in
/// <c>Sources:AllowPrivateAddresses</c>: a feed URL must never reach into the bot's own network.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed;

    public AddressPolicy(IOptions<FeedsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = options.Value.AllowPrivateAddresses.Select(ParseNetwork).ToArray();
    }

    public static AddressPolicy AllowOnly(params string[] allowList) =>
        new(Options.Create(new FeedsOptions { AllowPrivateAddresses = allowList }));

    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (_allowed.Any(n => n.Contains(address)))
        {
            return true;
        }

        return !Blocked.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address))
            && !(address.AddressFamily == AddressFamily.InterNetworkV6 && (address.IsIPv6SiteLocal || address.IsIPv6LinkLocal));
    }

    private static IPNetwork ParseNetwork(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.Parse(entry) is var ip ? new IPNetwork(ip, ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : throw new FormatException(entry);
}
