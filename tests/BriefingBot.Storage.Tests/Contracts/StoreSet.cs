using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>Every store a provider registers, behind the interfaces the rest of the bot sees.</summary>
public sealed record StoreSet(
    ISubscriptionStore Subscriptions, IDeliveryLedger Ledger, IAuditLog Audit, IFeedSourceStore FeedSources, IFeedItemStore FeedItems);
