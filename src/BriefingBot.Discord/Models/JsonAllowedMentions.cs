namespace BriefingBot.Discord.Models;

/// <summary>Which mentions in a message may notify; an empty <see cref="Parse"/> means none at all.</summary>
public sealed record JsonAllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary><c>{"parse": []}</c>: article text and user input can never ping anyone.</summary>
    public static JsonAllowedMentions None { get; } = new([]);
}
