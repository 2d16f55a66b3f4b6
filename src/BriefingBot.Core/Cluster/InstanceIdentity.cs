using System.Globalization;
using System.Security.Cryptography;

namespace BriefingBot.Core.Cluster;

/// <summary>
/// Names this process among the instances sharing a database: it holds feed-poll leases and signs the changes it
/// broadcasts, so it can ignore its own. Host, process id and a random part, so a restarted process is a new instance.
/// </summary>
public sealed record InstanceIdentity(string Id)
{
    public static InstanceIdentity CreateForThisProcess() =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}"));
}
