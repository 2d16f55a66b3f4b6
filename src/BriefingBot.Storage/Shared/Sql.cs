using System.Data.Common;

namespace BriefingBot.Storage.Shared;

/// <summary>Commands, parameters and reads over System.Data.Common, the same for either provider.</summary>
internal static class Sql
{
    public static long Id(ulong id) => unchecked((long)id);

    public static ulong Id(long id) => unchecked((ulong)id);

    public static object Text(string? text) => text is null ? DBNull.Value : text;

    public static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(Parameter(command.CreateParameter(), parameter));
        }

        return command;
    }

    public static DbParameter Parameter(DbParameter parameter, (string Name, object? Value) value)
    {
        parameter.ParameterName = value.Name;
        parameter.Value = value.Value ?? DBNull.Value;
        return parameter;
    }

    public static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<T?> ReadOneAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }
}
