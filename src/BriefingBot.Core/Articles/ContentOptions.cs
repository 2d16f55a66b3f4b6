using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Core.Articles;

/// <summary>Where articles come from. Section <c>Content</c> (env <c>Content__Folder</c>).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The folder of article files, relative to the working directory or absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "seeds";

    /// <summary>Files larger than this are skipped and reported. Datasets ship as one big .jsonl, hence the generous default.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;
}
