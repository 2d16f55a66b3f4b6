using System.Data.Common;
using BriefingBot.Storage.Shared;
using NodaTime;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of the shared stores: timestamptz, date, text[] and boolean columns, and row locks, because
/// several instances write to one database at once.
/// </summary>
internal sealed class PostgresDialect(PostgresDatabase database) : SqlDialect
{
    public override string LockRows => " FOR UPDATE";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    // COLLATE "C": the same byte order SQLite uses, whatever collation the database was created with.
    public override string Bytewise(string column) => column + " COLLATE \"C\"";

    // Npgsql writes timestamptz only from UTC values; any offset we are handed is the same instant in UTC.
    public override object Time(DateTimeOffset moment) => moment.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override object Date(LocalDate date) => date.ToDateOnly();

    public override LocalDate ReadDate(DbDataReader reader, int ordinal) => LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));

    public override object Tags(IReadOnlyList<string> tags) => tags.ToArray();

    public override IReadOnlyList<string> ReadTags(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    public override object Flag(bool value) => value;

    public override bool ReadFlag(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);
}
