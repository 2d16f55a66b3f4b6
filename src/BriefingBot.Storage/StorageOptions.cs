using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Storage;

/// <summary>Where state is kept. Section <c>Storage</c> (env <c>Storage__DatabasePath</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file, relative to the working directory or absolute. Its folder is created on first start.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = "data/briefingbot.db";

    /// <summary>How long a write waits for another writer before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
