using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Feeds;

/// <summary>The <c>Sources</c> section: configured feeds and how every feed is fetched.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Sources";

    /// <summary>Feeds from settings; added to the state database at start (moderators add more with /sources add).</summary>
    public IList<ConfiguredFeed> Feeds { get; init; } = [];

    /// <summary>
    /// Addresses or CIDR ranges (<c>127.0.0.0/8</c>, <c>::1</c>, <c>10.1.2.3</c>) that may be fetched although they are
    /// loopback, private, link-local or metadata addresses. Empty (the default): none of those is ever fetched.
    /// </summary>
    public IList<string> AllowPrivateAddresses { get; init; } = [];

    /// <summary>How often a feed is polled when neither settings nor the moderator say.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest poll interval a feed may ask for: polite to publishers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Responses larger than this are refused (feeds and pages).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>One attempt's time limit, headers and body included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of one request on a transient failure (5xx, 408, a dropped connection), with jittered backoff.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests to one host at the same time.</summary>
    [Range(1, 16)]
    public int MaxRequestsPerHost { get; set; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinIntervalPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Feeds polled at the same time (over all hosts).</summary>
    [Range(1, 64)]
    public int MaxConcurrentFeeds { get; set; } = 8;

    /// <summary>After this many failed polls in a row a feed is disabled until /sources refresh.</summary>
    [Range(1, 1000)]
    public int DisableAfterFailures { get; set; } = 8;

    /// <summary>The longest wait between retries of a failing feed (the backoff doubles up to this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Items newer than this count as news for the digest, on any poll. Empty (the default): only items published
    /// after the feed was added count as news; older ones are answerable but never flood a digest.
    /// </summary>
    public TimeSpan? NewItemMaxAge { get; set; }

    /// <summary>Fetch an item's page when the feed carries fewer words than this for it (a summary, not the article).</summary>
    [Range(0, 100_000)]
    public int FetchPageBelowWords { get; set; } = 120;

    /// <summary>The most items taken from one feed document (newest first); the rest are ignored.</summary>
    [Range(1, 10_000)]
    public int MaxItemsPerFeed { get; set; } = 200;

    /// <summary>How long new items are gathered before one new snapshot is published (one index build for many items).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an instance holds a feed's poll once it has claimed it. Instances sharing one database poll each feed
    /// once; if the holder dies mid-poll, another takes the feed over after this. Longer than the slowest poll.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PollLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent with every request so publishers know who is polling and where to complain.</summary>
    [Required]
    [MinLength(3)]
    public string UserAgent { get; set; } = "BriefingBot/1.0 (+https://github.com/briefingbot; news feed reader)";
}
