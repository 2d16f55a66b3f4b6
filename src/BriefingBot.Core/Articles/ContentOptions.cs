using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Core.Articles;

/// <summary>Where the articles live and how large one file may be. Bound from the <c>Content</c> configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>64 MiB: datasets ship as one big .jsonl (Reuters-21578 is about 20 MB), yet a stray video must not be read into memory.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Folder holding the article files, absolute or relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "seeds";

    /// <summary>Files larger than this are reported and skipped without being read.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
