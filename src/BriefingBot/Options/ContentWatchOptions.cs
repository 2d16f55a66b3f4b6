using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Options;

/// <summary>Automatic reload when article files change. Keys in section <c>Content</c>, next to the folder.</summary>
public sealed class ContentWatchOptions
{
    public const string SectionName = "Content";

    /// <summary>Off by default: a half-copied folder should not go live unless the operator asked for that.</summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the folder must be quiet before reloading, so copying many files causes one reload.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(2);
}
