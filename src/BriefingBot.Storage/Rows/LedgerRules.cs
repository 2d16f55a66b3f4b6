using BriefingBot.Commands.Scheduling;

namespace BriefingBot.Storage.Rows;

/// <summary>The delivery ledger's rules that do not depend on the SQL dialect, shared by both providers.</summary>
internal static class LedgerRules
{
    /// <summary>
    /// What an outcome changes on its subscription, as one statement either provider runs (parameters <c>@sub</c>,
    /// <c>@marker</c>, <c>@error</c>, <c>@now</c>); null when it changes nothing.
    /// </summary>
    public static string? SubscriptionUpdate(DeliveryOutcome outcome) => outcome.State switch
    {
        DeliveryAttemptState.Delivered =>
            "UPDATE subscriptions SET last_posted_at = @marker, last_error = NULL, last_error_at = NULL WHERE id = @sub;",
        DeliveryAttemptState.Failed =>
            "UPDATE subscriptions SET disabled_reason = @error, last_error = @error, last_error_at = @now WHERE id = @sub;",
        _ when outcome.Error is not null =>
            "UPDATE subscriptions SET last_error = @error, last_error_at = @now WHERE id = @sub;",
        _ => null,
    };

    /// <summary>Whether the slot is still as the caller saw it (the claim's optimistic check).</summary>
    public static bool SameVersion(DeliveryAttempt? current, DeliveryAttempt? expected) =>
        (current, expected) switch
        {
            (null, null) => true,
            ({ } c, { } e) => c.Id == e.Id && c.State == e.State && c.Tries == e.Tries,
            _ => false,
        };
}
