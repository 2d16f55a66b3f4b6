using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>Fails start-up with a message saying what to set when the meaning settings cannot work.</summary>
public sealed class SemanticAnswerOptionsValidator : IValidateOptions<SemanticAnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, SemanticAnswerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.VectorCache) || options.VectorCache.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Answers:VectorCache '{options.VectorCache}' is not a usable folder path. Set it (environment variable Answers__VectorCache) or leave it out for data/vectors.");
        }
        else if (File.Exists(options.VectorCache))
        {
            failures.Add($"Answers:VectorCache '{options.VectorCache}' is a file; it must name a folder.");
        }

        if (options.BackgroundBatch is < 1 or > 1024)
        {
            failures.Add("Answers:BackgroundBatch must be between 1 and 1024.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Answers:PollInterval must be between 00:00:00.010 and 00:10:00.");
        }

        if (options.ProgressInterval < TimeSpan.FromSeconds(1) || options.ProgressInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Answers:ProgressInterval must be between 00:00:01 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
