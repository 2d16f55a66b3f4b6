using System.Net;

namespace BriefingBot.Feeds.Fetching;

/// <summary>Thrown from the connect callback when every address a host resolves to is refused by <see cref="AddressPolicy"/>.</summary>
public sealed class BlockedAddressException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a loopback, private, link-local or metadata address, which feeds may not reach (Sources:AllowPrivateAddresses)")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
