using NodaTime;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>Conversions between our types and PostgreSQL columns, kept in one place so every table agrees.</summary>
internal static class PostgresValues
{
    public static long Id(ulong id) => unchecked((long)id);

    public static ulong Id(long id) => unchecked((ulong)id);

    // Npgsql writes timestamptz only from UTC values; any offset we are handed is the same instant in UTC.
    public static DateTimeOffset Time(DateTimeOffset moment) => moment.ToUniversalTime();

    public static object Time(DateTimeOffset? moment) => moment is { } m ? Time(m) : DBNull.Value;

    public static DateOnly Date(LocalDate date) => date.ToDateOnly();

    public static LocalDate Date(DateOnly date) => LocalDate.FromDateOnly(date);

    public static object Text(string? text) => text is null ? DBNull.Value : text;

    public static string[] Tags(IReadOnlyList<string> tags) => [.. tags];

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    public static IReadOnlyList<string> Tags(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
