using BriefingBot.Core.Articles;
using Microsoft.Extensions.Options;

namespace BriefingBot.Options;

/// <summary>Fails start-up with a message that says what to set when the content folder does not exist.</summary>
public sealed class ContentFolderValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            return ValidateOptionsResult.Fail("Content:Folder is empty. Set it in appsettings.json, as the environment variable Content__Folder, or with --content DIR.");
        }

        return Directory.Exists(options.Folder)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The content folder '{options.Folder}' does not exist. Set Content:Folder (environment variable Content__Folder) or pass --content DIR.");
    }
}
