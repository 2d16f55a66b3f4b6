using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using NodaTime;
using Npgsql;
using static BriefingBot.Storage.Postgres.PostgresValues;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Delivery slots in PostgreSQL, safe with several bot processes on one database. A claim locks the slot's row
/// (<c>FOR UPDATE</c>) before comparing it with what the caller saw, so concurrent retries of one slot queue up and
/// all but the first see a changed row; the first claim of a slot is an insert that does nothing on conflict, so of
/// several instances racing for a new slot exactly one gets a row back. Outcomes update the slot and its
/// subscription in one transaction.
/// </summary>
public sealed class PostgresDeliveryLedger(PostgresDatabase database) : IDeliveryLedger
{
    private const string Columns = "id, subscription_id, slot_date, nonce, state, tries, started_at, updated_at, next_retry_at, last_error";

    public async Task<DeliveryAttempt?> FindAsync(long subscriptionId, LocalDate slotDate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM delivery_attempts WHERE subscription_id = @sub AND slot_date = @date;", null,
            ("sub", subscriptionId), ("date", Date(slotDate)));
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<DeliveryAttempt?> TryStartAsync(
        long subscriptionId, LocalDate slotDate, DeliveryAttempt? expected, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        DeliveryAttempt? current;
        await using (var find = Command(connection, $"SELECT {Columns} FROM delivery_attempts WHERE subscription_id = @sub AND slot_date = @date FOR UPDATE;", transaction,
            ("sub", subscriptionId), ("date", Date(slotDate))))
        {
            current = await ReadOneAsync(find, cancellationToken);
        }

        if (!LedgerRules.SameVersion(current, expected))
        {
            return null;
        }

        await using var command = current is null
            ? Command(connection, $"""
                INSERT INTO delivery_attempts (subscription_id, slot_date, nonce, state, tries, started_at, updated_at)
                VALUES (@sub, @date, @nonce, @state, 1, @now, @now)
                ON CONFLICT (subscription_id, slot_date) DO NOTHING
                RETURNING {Columns};
                """, transaction,
                ("sub", subscriptionId), ("date", Date(slotDate)), ("nonce", nonce), ("state", nameof(DeliveryAttemptState.Sending)), ("now", Time(now)))
            : Command(connection, $"""
                UPDATE delivery_attempts SET state = @state, tries = tries + 1, updated_at = @now, next_retry_at = NULL
                WHERE id = @id
                RETURNING {Columns};
                """, transaction,
                ("id", current.Id), ("state", nameof(DeliveryAttemptState.Sending)), ("now", Time(now)));

        // No row back from the insert: another instance claimed the slot between our read and our insert.
        var started = await ReadOneAsync(command, cancellationToken);
        if (started is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return started;
    }

    public async Task<DeliveryAttempt> RecordAsync(DeliveryAttempt attempt, DeliveryOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        DeliveryAttempt? recorded;
        await using (var command = Command(connection, $"""
            UPDATE delivery_attempts SET state = @state, updated_at = @now, next_retry_at = @retry, last_error = @error
            WHERE id = @id
            RETURNING {Columns};
            """, transaction,
            ("id", attempt.Id), ("state", outcome.State.ToString()), ("now", Time(now)), ("retry", Time(outcome.NextRetryAt)), ("error", Text(outcome.Error))))
        {
            recorded = await ReadOneAsync(command, cancellationToken);
        }

        if (recorded is null)
        {
            // The subscription was removed while its digest was being sent; nothing is left to record.
            return attempt with { State = outcome.State, LastError = outcome.Error, NextRetryAt = outcome.NextRetryAt, UpdatedAt = now };
        }

        var subscriptionUpdate = LedgerRules.SubscriptionUpdate(outcome);
        if (subscriptionUpdate is not null)
        {
            await using var command = Command(connection, subscriptionUpdate, transaction,
                ("sub", attempt.SubscriptionId), ("marker", Time(outcome.Marker ?? now)), ("error", Text(outcome.Error)), ("now", Time(now)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private static async Task<DeliveryAttempt?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DeliveryAttempt Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt64(1), Date(reader.GetFieldValue<DateOnly>(2)), reader.GetString(3),
            Enum.Parse<DeliveryAttemptState>(reader.GetString(4)), reader.GetInt32(5))
        {
            StartedAt = Time(reader, 6),
            UpdatedAt = Time(reader, 7),
            NextRetryAt = NullableTime(reader, 8),
            LastError = NullableText(reader, 9),
        };
}
