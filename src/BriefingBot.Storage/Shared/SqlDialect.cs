using System.Data.Common;
using NodaTime;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// What the shared stores must know about one provider: where connections come from, how our values fit its column
/// types, and the few phrases its SQL spells differently. The statements themselves are written once, with
/// <c>@name</c> parameters, which Microsoft.Data.Sqlite and Npgsql both accept.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>
    /// Appended to a SELECT that reads a row the same transaction then changes. Empty where the transaction already
    /// holds the only write lock (SQLite), so that other writers wait all the same.
    /// </summary>
    public abstract string LockRows { get; }

    /// <summary>An open connection to a database at the latest schema version. The caller disposes it.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>An ORDER BY term that sorts text by its bytes, so both providers break ties alike.</summary>
    public abstract string Bytewise(string column);

    public abstract object Time(DateTimeOffset moment);

    public object Time(DateTimeOffset? moment) => moment is { } m ? Time(m) : DBNull.Value;

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public abstract object Date(LocalDate date);

    public abstract LocalDate ReadDate(DbDataReader reader, int ordinal);

    public abstract object Tags(IReadOnlyList<string> tags);

    public abstract IReadOnlyList<string> ReadTags(DbDataReader reader, int ordinal);

    public abstract object Flag(bool value);

    public abstract bool ReadFlag(DbDataReader reader, int ordinal);
}
