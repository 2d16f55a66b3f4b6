using BriefingBot.Core.Articles;

namespace BriefingBot.Testing.Quality;

/// <summary>
/// Builds <see cref="Article"/>s straight from evaluation records. The loader's cleaning (boilerplate, title fallback)
/// is for member-supplied files; evaluation texts are already clean, and their offsets must stay exactly as given.
/// </summary>
public static class QualityArticles
{
    public static Article Create(string id, string title, string body) => new()
    {
        Id = id,
        Title = title,
        Body = body,
        SourcePath = id,
        ContentHash = id, // evaluation corpora are never reloaded, so the id is hash enough
        WordCount = CountWords(body),
    };

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }
}
