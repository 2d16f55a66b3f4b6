using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace BriefingBot.Commands.Tests.Scheduling;

/// <summary>A scheduler over a real SQLite file, real digest building, a manual clock and a fake sender that records sends.</summary>
public sealed class SchedulerHarness : IDisposable
{
    private readonly Queue<DeliveryResult> _results = new();

    public SchedulerHarness(DateTimeOffset start)
    {
        Temp = new TempDatabase(new TimerAwareFakeTimeProvider(start));
        Articles = TestStores.Store(start.AddDays(-1), ArticleBuilder.Dated("a1", start.AddDays(-1)), ArticleBuilder.Dated("a2", start.AddHours(-12)));
        Sender = new Mock<IMessageSender>();
        Sender.Setup(s => s.SendAsync(It.IsAny<DeliveryTarget>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>()))
            .Returns((DeliveryTarget target, Reply reply, CancellationToken _) =>
            {
                Sent.Add(new SentMessage(target, reply, Clock.GetUtcNow()));
                lock (_results)
                {
                    return Task.FromResult(_results.Count > 0 ? _results.Dequeue() : DeliveryResult.Delivered);
                }
            });
        Scheduler = Restart();
    }

    public TempDatabase Temp { get; }

    public TimerAwareFakeTimeProvider Clock => Temp.Clock;

    public ArticleStore Articles { get; }

    public Mock<IMessageSender> Sender { get; }

    public List<SentMessage> Sent { get; } = [];

    public ScheduledDigestOptions Options { get; } = new() { PollInterval = TimeSpan.FromMinutes(10) };

    public DueDigestRunner Scheduler { get; private set; }

    public static CancellationToken Ct => TestTimeout.Token();

    /// <summary>A new process: new database object and scheduler over the same file.</summary>
    public DueDigestRunner Restart()
    {
        Temp.Reopen();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var delivery = new DigestDelivery(Articles, new DigestBuilder(new Summarizer()), Sender.Object, options, NullLogger<DigestDelivery>.Instance);
        Scheduler = new DueDigestRunner(Temp.Subscriptions, Temp.Ledger, delivery, Temp.Audit, options, Clock, NullLogger<DueDigestRunner>.Instance);
        return Scheduler;
    }

    public void FailNext(params DeliveryResult[] results)
    {
        lock (_results)
        {
            foreach (var result in results)
            {
                _results.Enqueue(result);
            }
        }
    }

    public async Task<DigestSubscription> SubscribeAsync(ulong channel, string time, string zone, string? webhook = null)
    {
        var subscription = TempDatabase.Subscription(1, channel, time, zone) with { ActiveSince = Clock.GetUtcNow(), WebhookUrl = webhook };
        return (await Temp.Subscriptions.SaveAsync(subscription, Ct)).Subscription;
    }

    /// <summary>Runs the scheduler the way the hosted service does: tick, then sleep until the time it asks for.</summary>
    public async Task RunUntilAsync(DateTimeOffset end)
    {
        while (Clock.GetUtcNow() < end)
        {
            var wake = await Scheduler.RunDueAsync(Ct);
            Clock.SetUtcNow(wake < end ? wake : end);
        }

        await Scheduler.RunDueAsync(Ct);
    }

    public void Dispose() => Temp.Dispose();

    public sealed record SentMessage(DeliveryTarget Target, Reply Message, DateTimeOffset At);
}
