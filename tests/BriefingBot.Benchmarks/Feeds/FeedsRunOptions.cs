using System.Globalization;

namespace BriefingBot.Benchmarks.Feeds;

/// <summary>
/// <c>--feeds [--feed-count 100] [--items 50] [--poll-minutes 5] [--minutes 12] [--hosts 10] [--new-every 30]</c>:
/// how many feeds, items per feed, their poll interval, how long to run, over how many loopback hosts, and every how
/// many seconds five feeds get a new item.
/// </summary>
public sealed record FeedsRunOptions(int FeedCount, int ItemsPerFeed, int PollMinutes, double Minutes, int Hosts, int NewEverySeconds)
{
    public static FeedsRunOptions Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var minutesAt = Array.IndexOf(args, "--minutes");
        var minutes = minutesAt >= 0 && minutesAt + 1 < args.Length ? double.Parse(args[minutesAt + 1], CultureInfo.InvariantCulture) : 12;
        var options = new FeedsRunOptions(Int("--feed-count", 100), Int("--items", 50), Int("--poll-minutes", 5), minutes, Int("--hosts", 10), Int("--new-every", 30));
        if (options.FeedCount < 1 || options.ItemsPerFeed < 1 || options.Hosts < 1 || options.Hosts > 200 || options.PollMinutes < 1 || options.Minutes <= 0)
        {
            throw new ArgumentException("--feeds needs positive counts, 1-200 hosts and a poll of at least a minute.");
        }

        return options;
    }
}
