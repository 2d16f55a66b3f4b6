using System.Net;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class RateLimitBucketsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly RateLimitBuckets _buckets;

    public RateLimitBucketsTests() => _buckets = new RateLimitBuckets(_clock);

    private static DiscordRoute Messages(ulong channel) => DiscordRoute.From(HttpMethod.Post, $"channels/{channel}/messages");

    [Fact]
    public void TryReserve_BucketEmptiedByHeaders_WaitsUntilReset()
    {
        var route = Messages(1);
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(route));
        _buckets.Update(route, Headers(bucket: "b1", limit: 5, remaining: 0, resetAfter: 2.5));

        Assert.Equal(TimeSpan.FromSeconds(2.5), _buckets.TryReserve(route));
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(route));
    }

    [Fact]
    public void TryReserve_RemainingCountsDownLocally_BeforeTheNextResponse()
    {
        var route = Messages(1);
        _buckets.Update(route, Headers(bucket: "b1", limit: 5, remaining: 2, resetAfter: 1));

        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(route));
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(route));
        Assert.Equal(TimeSpan.FromSeconds(1), _buckets.TryReserve(route));
    }

    [Fact]
    public void TryReserve_BurstAfterTheWindowPassed_GetsOnlyTheLearnedLimitBeforeAnyResponse()
    {
        var route = Messages(1);
        _buckets.Update(route, Headers(bucket: "b1", limit: 2, remaining: 0, resetAfter: 1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var waits = Enumerable.Range(0, 10).Select(_ => _buckets.TryReserve(route)).ToList();

        Assert.Equal(2, waits.Count(w => w == TimeSpan.Zero));
        Assert.All(waits.Skip(2), w => Assert.InRange(w, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TryReserve_OtherMajorParameter_HasItsOwnBucket()
    {
        _buckets.Update(Messages(1), Headers(bucket: "b1", limit: 5, remaining: 0, resetAfter: 3));

        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(Messages(2)));
    }

    [Fact]
    public void TryReserve_RoutesSharingABucketId_ShareTheLimit()
    {
        var create = Messages(1);
        var edit = DiscordRoute.From(HttpMethod.Patch, "channels/1/messages/99");
        _buckets.Update(create, Headers(bucket: "shared", limit: 5, remaining: 0, resetAfter: 3));
        _buckets.Update(edit, Headers(bucket: "shared", limit: 5, remaining: 0, resetAfter: 3));

        Assert.Equal(TimeSpan.FromSeconds(3), _buckets.TryReserve(edit));
        Assert.Equal(TimeSpan.FromSeconds(3), _buckets.TryReserve(create));
    }

    [Fact]
    public void OnRateLimited_Global_PausesEveryRoute()
    {
        _buckets.OnRateLimited(Messages(1), TimeSpan.FromSeconds(4), global: true);

        Assert.Equal(TimeSpan.FromSeconds(4), _buckets.TryReserve(Messages(2)));
        Assert.Equal(TimeSpan.FromSeconds(4), _buckets.TryReserve(DiscordRoute.From(HttpMethod.Get, "gateway/bot")));
    }

    [Fact]
    public void OnRateLimited_Route_PausesOnlyThatRoute()
    {
        _buckets.OnRateLimited(Messages(1), TimeSpan.FromSeconds(4), global: false);

        Assert.Equal(TimeSpan.FromSeconds(4), _buckets.TryReserve(Messages(1)));
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(Messages(2)));
    }

    [Fact]
    public void TryReserve_FiftyPerSecond_GatesTheNextButNotInteractionRoutes()
    {
        for (var i = 0; i < RateLimitBuckets.GlobalRequestsPerSecond; i++)
        {
            Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(Messages((ulong)i + 1)));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), _buckets.TryReserve(Messages(999)));
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(DiscordRoute.From(HttpMethod.Post, "interactions/1/tok/callback", exemptFromGlobal: true)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, _buckets.TryReserve(Messages(999)));
    }

    [Theory]
    [InlineData("POST", "channels/123/messages", "/channels/{channel_id}/messages", "123")]
    [InlineData("PATCH", "channels/123/messages/456", "/channels/{channel_id}/messages/{id}", "123")]
    [InlineData("PUT", "applications/9/guilds/8/commands", "/applications/{id}/guilds/{id}/commands", "")]
    [InlineData("POST", "interactions/5/secret-token/callback", "/interactions/{interaction_id}/{token}/callback", "5/")]
    [InlineData("PATCH", "webhooks/9/secret-token/messages/@original", "/webhooks/{webhook_id}/{token}/messages/@original", "9/")]
    [InlineData("POST", "webhooks/9/secret-token?wait=true", "/webhooks/{webhook_id}/{token}", "9/")]
    public void From_Path_TemplatesIdsAndHidesTokens(string method, string path, string template, string majorPrefix)
    {
        var route = DiscordRoute.From(new HttpMethod(method), path);

        Assert.Equal(template, route.Template);
        Assert.StartsWith(majorPrefix, route.MajorParameter, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", route.MajorParameter + route.Key, StringComparison.Ordinal);
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(string bucket, int limit, int remaining, double resetAfter)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Bucket", bucket);
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }
}
