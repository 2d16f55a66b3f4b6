using System.Data.Common;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using NodaTime;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// Delivery slots, the same statements for either provider. A claim reads the slot under the dialect's write lock
/// (SQLite: the immediate transaction's file lock; PostgreSQL: <c>FOR UPDATE</c> on the row) before comparing it with
/// what the caller saw, so concurrent claims of one slot queue up and all but the first see a changed row. The first
/// claim of a slot is an insert that does nothing on conflict, so of several instances racing for a new slot exactly
/// one gets a row back. Outcomes update the slot and its subscription in one transaction.
/// </summary>
public abstract class SqlDeliveryLedger : IDeliveryLedger
{
    private const string Columns = "id, subscription_id, slot_date, nonce, state, tries, started_at, updated_at, next_retry_at, last_error";

    private readonly SqlDialect _dialect;

    private protected SqlDeliveryLedger(SqlDialect dialect) => _dialect = dialect;

    public async Task<DeliveryAttempt?> FindAsync(long subscriptionId, LocalDate slotDate, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, subscriptionId, slotDate, string.Empty, cancellationToken);
    }

    public async Task<DeliveryAttempt?> TryStartAsync(
        long subscriptionId, LocalDate slotDate, DeliveryAttempt? expected, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await FindAsync(connection, transaction, subscriptionId, slotDate, _dialect.LockRows, cancellationToken);
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
                ("@sub", subscriptionId), ("@date", _dialect.Date(slotDate)), ("@nonce", nonce), ("@state", nameof(DeliveryAttemptState.Sending)), ("@now", _dialect.Time(now)))
            : Command(connection, $"""
                UPDATE delivery_attempts SET state = @state, tries = tries + 1, updated_at = @now, next_retry_at = NULL
                WHERE id = @id
                RETURNING {Columns};
                """, transaction,
                ("@id", current.Id), ("@state", nameof(DeliveryAttemptState.Sending)), ("@now", _dialect.Time(now)));

        // No row back from the insert: another instance claimed the slot between our read and our insert.
        var started = await ReadOneAsync(command, Read, cancellationToken);
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
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        DeliveryAttempt? recorded;
        await using (var command = Command(connection, $"""
            UPDATE delivery_attempts SET state = @state, updated_at = @now, next_retry_at = @retry, last_error = @error
            WHERE id = @id
            RETURNING {Columns};
            """, transaction,
            ("@id", attempt.Id), ("@state", outcome.State.ToString()), ("@now", _dialect.Time(now)), ("@retry", _dialect.Time(outcome.NextRetryAt)),
            ("@error", Text(outcome.Error))))
        {
            recorded = await ReadOneAsync(command, Read, cancellationToken);
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
                ("@sub", attempt.SubscriptionId), ("@marker", _dialect.Time(outcome.Marker ?? now)), ("@error", Text(outcome.Error)), ("@now", _dialect.Time(now)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private async Task<DeliveryAttempt?> FindAsync(
        DbConnection connection, DbTransaction? transaction, long subscriptionId, LocalDate slotDate, string lockRows, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM delivery_attempts WHERE subscription_id = @sub AND slot_date = @date{lockRows};", transaction,
            ("@sub", subscriptionId), ("@date", _dialect.Date(slotDate)));
        return await ReadOneAsync(command, Read, cancellationToken);
    }

    private DeliveryAttempt Read(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt64(1), _dialect.ReadDate(reader, 2), reader.GetString(3),
            Enum.Parse<DeliveryAttemptState>(reader.GetString(4)), reader.GetInt32(5))
        {
            StartedAt = _dialect.ReadTime(reader, 6),
            UpdatedAt = _dialect.ReadTime(reader, 7),
            NextRetryAt = _dialect.ReadNullableTime(reader, 8),
            LastError = NullableText(reader, 9),
        };
}
