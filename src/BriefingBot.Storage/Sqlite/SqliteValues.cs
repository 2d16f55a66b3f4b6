using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// How SQLite keeps times and dates (ISO 8601 text, sortable), kept in one place so every table agrees, and the
/// command helper the database's own PRAGMA and migration steps use.
/// </summary>
internal static class SqliteValues
{
    public static string Time(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
