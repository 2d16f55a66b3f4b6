namespace BriefingBot.Discord.Models;

/// <summary>Identify budget; <see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed record JsonSessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
