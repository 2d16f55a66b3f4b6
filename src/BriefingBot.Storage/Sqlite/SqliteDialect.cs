using System.Data.Common;
using System.Text.Json;
using BriefingBot.Storage.Shared;
using NodaTime;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// SQLite's side of the shared stores: times and dates as ISO 8601 text, tags as a JSON array, flags as 0/1.
/// </summary>
internal sealed class SqliteDialect(SqliteDatabase database) : SqlDialect
{
    // Every write transaction here is BEGIN IMMEDIATE: it holds the file's one write lock from its first read.
    public override string LockRows => string.Empty;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    // BINARY, SQLite's default collation, already compares bytes.
    public override string Bytewise(string column) => column;

    public override object Time(DateTimeOffset moment) => SqliteValues.Time(moment);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqliteValues.Time(reader.GetString(ordinal));

    public override object Date(LocalDate date) => SqliteValues.Date(date);

    public override LocalDate ReadDate(DbDataReader reader, int ordinal) => SqliteValues.Date(reader.GetString(ordinal));

    public override object Tags(IReadOnlyList<string> tags) => JsonSerializer.Serialize(tags, StorageJsonContext.Default.IReadOnlyListString);

    public override IReadOnlyList<string> ReadTags(DbDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize(reader.GetString(ordinal), StorageJsonContext.Default.IReadOnlyListString) ?? [];

    public override object Flag(bool value) => value ? 1 : 0;

    public override bool ReadFlag(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;
}
