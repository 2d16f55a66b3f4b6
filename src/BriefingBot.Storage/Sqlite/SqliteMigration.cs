namespace BriefingBot.Storage.Sqlite;

/// <summary>One forward step of the schema; <see cref="Version"/> becomes the database's <c>PRAGMA user_version</c>.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);
