namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>A finished article still waiting for its final id, or the reason the draft was rejected.</summary>
internal sealed record DraftOutcome(string IdBase, Article? Article, LoadProblem? Problem);
