namespace BriefingBot.Core.Tests.Text;

/// <summary>A fact that is skipped unless BRIEFINGBOT_SNOWBALL_ENGLISH names a folder with voc.txt and output.txt.</summary>
public sealed class SnowballVocabularyFactAttribute : FactAttribute
{
    public const string Variable = "BRIEFINGBOT_SNOWBALL_ENGLISH";

    public SnowballVocabularyFactAttribute()
    {
        if (Folder is null)
        {
            Skip = $"Set {Variable} to a folder holding the Snowball English voc.txt and output.txt to run this.";
        }
    }

    public static string? Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(Variable);
            return folder is not null && File.Exists(Path.Combine(folder, "voc.txt")) && File.Exists(Path.Combine(folder, "output.txt"))
                ? folder
                : null;
        }
    }
}
