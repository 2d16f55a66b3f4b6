namespace BriefingBot.Commands.Replies;

/// <summary>Button looks; values match Discord's button styles.</summary>
public enum ReplyButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Link = 5,
}
