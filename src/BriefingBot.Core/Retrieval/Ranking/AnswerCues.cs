using System.Text.RegularExpressions;
using BriefingBot.Core.Retrieval.Query;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Cheap signals that a sentence can hold the kind of answer a question asks for: a person for "who", a date for
/// "when", a place for "where", a reason for "why", a number for "how many".
/// </summary>
internal static partial class AnswerCues
{
    /// <summary>How strongly the sentence can hold the answer: 1 for a clear cue, 0.5 for a weak one, 0 for none.</summary>
    public static double Strength(QuestionType type, string sentence) => Strength(type, sentence.AsSpan());

    /// <inheritdoc cref="Strength(QuestionType, string)"/>
    public static double Strength(QuestionType type, ReadOnlySpan<char> sentence) => type switch
    {
        QuestionType.Who => NamedPerson().IsMatch(sentence) ? 1 : PersonRole().IsMatch(sentence) ? 0.5 : 0,
        _ => Has(type, sentence) ? 1 : 0,
    };

    public static bool Has(QuestionType type, string sentence) => Has(type, sentence.AsSpan());

    public static bool Has(QuestionType type, ReadOnlySpan<char> sentence) => type switch
    {
        QuestionType.Who => NamedPerson().IsMatch(sentence) || PersonRole().IsMatch(sentence),
        QuestionType.When => TimeExpression().IsMatch(sentence),
        QuestionType.Where => Place().IsMatch(sentence),
        QuestionType.Why => Reason().IsMatch(sentence),
        QuestionType.HowMany => Number().IsMatch(sentence),
        QuestionType.Definition => Defining().IsMatch(sentence),
        _ => false,
    };

    /// <summary>
    /// 1 when the sentence holds an answer of the asked kind that the question does not already contain: a number the
    /// question lacks for "how many", a date for "when", a name for "who" or "where". A sentence that merely restates
    /// the question ("How many tickets were sold for the Nelly concert?" against "Nelly's concert sold tickets") has
    /// the cue words of the question but not a new answer.
    /// </summary>
    public static double Novel(QuestionType type, string sentence, string question)
    {
        var pattern = type switch
        {
            QuestionType.HowMany => Amount(),
            QuestionType.When => Date(),
            QuestionType.Who or QuestionType.Where => Capitalised(),
            _ => null,
        };
        if (pattern is null)
        {
            return 0;
        }

        foreach (var match in pattern.EnumerateMatches(sentence))
        {
            if (match.Index > 0 && !Contains(question, sentence.AsSpan(match.Index, match.Length)))
            {
                return 1;
            }
        }

        return 0;
    }

    private static bool Contains(string question, ReadOnlySpan<char> word)
    {
        for (var at = question.AsSpan().IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var end = at + word.Length;
            var before = at == 0 || !char.IsLetterOrDigit(question[at - 1]);
            var after = end >= question.Length || !char.IsLetterOrDigit(question[end]);
            if (before && after)
            {
                return true;
            }

            var next = question.AsSpan(end).IndexOf(word, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : end + next;
        }

        return false;
    }

    // Two capitalised words in a row, not at the very start of the sentence: a name such as "Grant Montgomery",
    // but not a place such as "North Korea" or "White House".
    [GeneratedRegex(@"(?<!^)(?<=\s)(?!(North|South|East|West|New|United|White|Middle|Far|Hong|Los|San|Saudi|European|Washington|The)\s)\p{Lu}[\p{Ll}'’-]+\s\p{Lu}[\p{Ll}'’-]+")]
    private static partial Regex NamedPerson();

    [GeneratedRegex(@"\b(said|says|told|wrote|writes|according to|official|officials|president|minister|leader|spokesman|spokeswoman|spokesperson|defector|director|chief|secretary|senator|ambassador|general|generals|analyst|reporter|editor|author)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonRole();

    [GeneratedRegex(@"\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|ago|(last|next|this|recent|coming) (week|weeks|month|months|year|years|days)|(1[6-9]|20)\d\d|\d{1,2}:\d\d|century|decade|since|until|shortly after|before|after|during|early|late)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeExpression();

    // A date or a point in time, without the relative words ("before", "since") that any narrative sentence has.
    [GeneratedRegex(@"\b(Jan(uary)?|Feb(ruary)?|March|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|ago|(1[6-9]|20)\d\d)\b")]
    private static partial Regex Date();

    // A whole number or a number word, so "1987" in the question is not taken for a new "1" in the sentence.
    [GeneratedRegex(@"\d+(?:[.,]\d+)*|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|several)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    // A capitalised word that is not a sentence's first: names of people, places and organisations.
    [GeneratedRegex(@"(?<=\s)\p{Lu}[\p{L}'’-]+")]
    private static partial Regex Capitalised();

    [GeneratedRegex(@"\b(in|at|near|from|to|across|inside|outside|between)\s+(the\s+)?\p{Lu}\p{Ll}+|\b(capital|city|country|region|province|state|zone|border|site|sites|headquarters)\b")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(because|since|so that|in order to|due to|as a result|aim|aimed|goal|reason|reasons|to ensure|to help|to avoid|so as to|lead to|led to|regards|worried|fear|fears)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    // "A glacier cave is a cave formed …", "ARB refers to …", "… (also known as …)".
    [GeneratedRegex(@"\b(is|are|was|were)\s+(a|an|the|one of|any)\b|\brefers?\s+to\b|\bknown\s+as\b|\bdefined\s+as\b", RegexOptions.IgnoreCase)]
    private static partial Regex Defining();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|several)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
