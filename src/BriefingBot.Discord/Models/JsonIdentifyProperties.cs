namespace BriefingBot.Discord.Models;

/// <summary>Connection properties sent with Identify (the current names, without the old <c>$</c> prefix).</summary>
public sealed record JsonIdentifyProperties(string Os, string Browser, string Device);
