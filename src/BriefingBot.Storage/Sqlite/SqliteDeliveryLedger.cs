using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using Microsoft.Data.Sqlite;
using NodaTime;
using static BriefingBot.Storage.Sqlite.SqliteValues;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Delivery slots in SQLite. Claims run in an immediate (write-locked) transaction, so two schedulers over one file
/// cannot both claim a slot; outcomes update the slot and its subscription in one transaction.
/// </summary>
public sealed class SqliteDeliveryLedger(SqliteDatabase database) : IDeliveryLedger
{
    private const string Columns = "id, subscription_id, slot_date, nonce, state, tries, started_at, updated_at, next_retry_at, last_error";

    public async Task<DeliveryAttempt?> FindAsync(long subscriptionId, LocalDate slotDate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, subscriptionId, slotDate, cancellationToken);
    }

    public async Task<DeliveryAttempt?> TryStartAsync(
        long subscriptionId, LocalDate slotDate, DeliveryAttempt? expected, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = await FindAsync(connection, transaction, subscriptionId, slotDate, cancellationToken);
        if (!LedgerRules.SameVersion(current, expected))
        {
            return null;
        }

        await using var command = current is null
            ? Command(connection, $"""
                INSERT INTO delivery_attempts (subscription_id, slot_date, nonce, state, tries, started_at, updated_at)
                VALUES ($sub, $date, $nonce, $state, 1, $now, $now)
                RETURNING {Columns};
                """, transaction,
                ("$sub", subscriptionId), ("$date", Date(slotDate)), ("$nonce", nonce), ("$state", nameof(DeliveryAttemptState.Sending)), ("$now", Time(now)))
            : Command(connection, $"""
                UPDATE delivery_attempts SET state = $state, tries = tries + 1, updated_at = $now, next_retry_at = NULL
                WHERE id = $id
                RETURNING {Columns};
                """, transaction,
                ("$id", current.Id), ("$state", nameof(DeliveryAttemptState.Sending)), ("$now", Time(now)));
        DeliveryAttempt started;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            started = Read(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return started;
    }

    public async Task<DeliveryAttempt> RecordAsync(DeliveryAttempt attempt, DeliveryOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        DeliveryAttempt recorded;
        await using (var command = Command(connection, $"""
            UPDATE delivery_attempts SET state = $state, updated_at = $now, next_retry_at = $retry, last_error = $error
            WHERE id = $id
            RETURNING {Columns};
            """, transaction,
            ("$id", attempt.Id), ("$state", outcome.State.ToString()), ("$now", Time(now)), ("$retry", Time(outcome.NextRetryAt)), ("$error", Text(outcome.Error))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                // The subscription was removed while its digest was being sent; nothing is left to record.
                return attempt with { State = outcome.State, LastError = outcome.Error, NextRetryAt = outcome.NextRetryAt, UpdatedAt = now };
            }

            recorded = Read(reader);
        }

        var subscriptionUpdate = LedgerRules.SubscriptionUpdate(outcome);
        if (subscriptionUpdate is not null)
        {
            await using var command = Command(connection, subscriptionUpdate, transaction,
                ("@sub", attempt.SubscriptionId), ("@marker", Time(outcome.Marker ?? now)), ("@error", Text(outcome.Error)), ("@now", Time(now)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private static async Task<DeliveryAttempt?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long subscriptionId, LocalDate slotDate, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM delivery_attempts WHERE subscription_id = $sub AND slot_date = $date;", transaction,
            ("$sub", subscriptionId), ("$date", Date(slotDate)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DeliveryAttempt Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt64(1), Date(reader.GetString(2)), reader.GetString(3), Enum.Parse<DeliveryAttemptState>(reader.GetString(4)), reader.GetInt32(5))
        {
            StartedAt = Time(reader.GetString(6)),
            UpdatedAt = Time(reader.GetString(7)),
            NextRetryAt = NullableTime(reader, 8),
            LastError = NullableText(reader, 9),
        };
}
