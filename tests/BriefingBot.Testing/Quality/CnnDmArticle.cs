namespace BriefingBot.Testing.Quality;

/// <summary>A CNN/DailyMail test article (raw, cased) with its reference highlights.</summary>
public sealed record CnnDmArticle(string Id, string Text, string Reference);
