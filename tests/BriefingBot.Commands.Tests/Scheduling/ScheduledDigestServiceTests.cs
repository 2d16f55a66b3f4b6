using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Commands.Tests.Scheduling;

public sealed class ScheduledDigestServiceTests
{
    [Fact]
    public async Task ExecuteAsync_ClockReachesTheTime_PostsThroughTheHostedLoop()
    {
        using var harness = new SchedulerHarness(new DateTimeOffset(2026, 7, 1, 6, 55, 0, TimeSpan.Zero));
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        var posted = new TaskCompletionSource<DeliveryTarget>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sender.Setup(s => s.SendAsync(It.IsAny<DeliveryTarget>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryTarget target, Reply _, CancellationToken _) => posted.TrySetResult(target))
            .ReturnsAsync(DeliveryResult.Delivered);
        using var service = new ScheduledDigestService(harness.Scheduler, Options.Create(harness.Options), harness.Clock, NullLogger<ScheduledDigestService>.Instance);

        await service.StartAsync(SchedulerHarness.Ct);
        await harness.Clock.WaitForTimersAsync(1, TestTimeout.Default); // the loop is asleep until 07:00 UTC
        Assert.False(posted.Task.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var target = await posted.Task.WaitAsync(TestTimeout.Default);
        await service.StopAsync(SchedulerHarness.Ct);

        Assert.Equal(10UL, target.ChannelId);
        Assert.False(string.IsNullOrEmpty(target.Nonce));
    }
}
