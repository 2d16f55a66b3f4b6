namespace BriefingBot.Commands.Replies;

/// <summary>Discord's message limits (inclusive). The reply fitter keeps every reply inside them, for every transport.</summary>
public static class ReplyLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FieldsPerEmbed = 25;
    public const int Footer = 2048;
    public const int AuthorName = 256;
    public const int EmbedsPerMessage = 10;
    public const int TotalEmbedCharacters = 6000;
    public const int ButtonLabel = 80;
    public const int ButtonsPerRow = 5;
    public const int ButtonRows = 5;
    public const int CustomId = 100;
    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
}
