using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Storage;

/// <summary>Where state is kept. Section <c>Storage</c> (env <c>Storage__Provider</c>, <c>Storage__DatabasePath</c> …).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (embedded file, the default) or <c>postgres</c> (a server several instances can share).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory or absolute. Its folder is created on first start.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = "data/briefingbot.db";

    /// <summary>How long a write waits for another writer before failing (SQLite).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL only: an Npgsql connection string. Holds a password, so it belongs in the environment, not a file.</summary>
    public string? ConnectionString { get; set; }

    public bool UsesPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
