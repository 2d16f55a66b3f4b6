using BriefingBot.Core.Text;
using static BriefingBot.Core.Quotes.QuoteWords;
using static BriefingBot.Core.Text.NewsLexicon;

namespace BriefingBot.Core.Quotes;

/// <summary>Whether a run of words reads like a speaker ("the defector", "John Smith", "he"), and whether that speaker is a person.</summary>
internal static class SpeakerPhrase
{
    // How many words of noun phrase an attribution may have ("the former senior U.S. defense official").
    public const int MaxSpeakerWords = 7;

    public static bool IsConnective(string word) => Connectives.Contains(word) || StopWords.Contains(word.ToLowerInvariant());

    public static bool StartsSpeaker(string body, List<TextSpan> words, int index)
    {
        var word = Clean(body, words[index]);
        if (word.Length == 0)
        {
            return false;
        }

        if (Determiners.Contains(word) || Pronouns.Contains(word))
        {
            return true;
        }

        // A capital that only marks a sentence start ("Yet he added") does not begin a name; an acronym ("US judge
        // Letitia Clark") does, even when it spells a stop word.
        var isAcronym = word.Length > 1 && !word.AsSpan().ContainsAnyInRange('a', 'z');
        return char.IsUpper(word[0]) && (isAcronym || (!StopWords.Contains(word.ToLowerInvariant()) && !Connectives.Contains(word)));
    }

    public static bool IsSpeakerPhrase(string body, List<TextSpan> words, int start, int end)
    {
        if (end - start > MaxSpeakerWords || !StartsSpeaker(body, words, start))
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (EndsPhrase(body, words[i]))
            {
                return false;
            }
        }

        return !Pronouns.Contains(Clean(body, words[start])) || end - start == 1;
    }

    public static bool IsPerson(string speaker)
    {
        if (Pronouns.Contains(speaker))
        {
            return false;
        }

        var lastSpace = speaker.LastIndexOf(' ');
        var head = lastSpace < 0 ? speaker : speaker[(lastSpace + 1)..];
        return !NonPersonNouns.Contains(head);
    }
}
