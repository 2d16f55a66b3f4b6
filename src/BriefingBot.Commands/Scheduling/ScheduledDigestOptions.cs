using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Commands.Scheduling;

/// <summary>How scheduled digests are built and retried. Section <c>Digest</c>.</summary>
public sealed class ScheduledDigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>Stories per scheduled digest.</summary>
    [Range(1, 25)]
    public int MaxItems { get; set; } = 10;

    /// <summary>The longest the scheduler sleeps, so new or changed subscriptions are picked up within this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first retry after a transient failure; each further retry waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between retries. Retries stop at the next scheduled occurrence.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a slot claimed for sending belongs to the instance that claimed it. Instances sharing one database see
    /// each other's claims: before this has passed, a claimed slot is another instance's send in progress and is left
    /// alone; after it, the sender is taken to have died mid-send and <see cref="NonceWindow"/> decides whether to resend.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long after an unconfirmed send it is still safe to resend with the same nonce. Discord drops a repeated
    /// nonce only for "a few minutes" (undocumented exactly), so this stays well inside that.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(2);
}
