using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BriefingBot.Core.Text;

/// <summary>
/// The words news text is read with: how speech is reported, which titles and abbreviations do not end a sentence,
/// which words open one, and what a person's name looks like. One home for them, kept as named subsets rather than
/// merged lists, because each reader was tuned with its own set: widening any of them changes what it finds.
/// </summary>
/// <remarks>
/// The question-side lists (the answer cues for "who" questions, the question filler words) belong to ranking and
/// live beside it in <c>Retrieval</c>.
/// </remarks>
internal static partial class NewsLexicon
{
    // ---- Sentence boundaries (SentenceSplitter) ----

    /// <summary>Titles before a name: their dot never ends a sentence ("Mr.", "Gen.", "St.").</summary>
    public static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "gens", "lt", "col", "maj", "capt", "cmdr", "adm", "brig",
        "sgt", "cpl", "pvt", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "supt", "insp", "det", "rev", "fr",
        "hon", "st", "mt", "ft", "vs", "v", "atty", "amb",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations whose dot ends a sentence only before a capitalised word ("Inc.", "Jan.", "No.").</summary>
    public static readonly FrozenSet<string> Abbreviations = new[]
    {
        "inc", "co", "corp", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "etc", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "p", "pp", "vol", "fig", "approx", "dept", "est",
        "al", "ave", "blvd", "rd", "cf",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that usually open a sentence, so a "U.S."-style abbreviation before them ends one.</summary>
    public static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "This",
        "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "Still", "Also", "However",
        "Meanwhile", "In", "On", "At", "For", "From", "With", "By", "As", "After", "Before", "When", "While", "If",
        "Although", "Though", "Because", "Since", "Some", "Many", "Most", "Several", "Both", "All", "No", "Not", "What",
        "Who", "Why", "How", "Where", "Now", "Then", "Last", "Earlier", "Later", "According", "Asked", "Officials",
    }.ToFrozenSet(StringComparer.Ordinal);

    // ---- Attributions (Quotes) ----

    /// <summary>Verbs that report speech: "“…,” the defector wrote", "said John Smith".</summary>
    public static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "say", "saying", "wrote", "writes", "added", "adds", "told", "tells", "warned", "warns",
        "continued", "continues", "explained", "explains", "noted", "notes", "asked", "asks", "replied", "replies",
        "stated", "states", "claimed", "claims", "argued", "argues", "insisted", "insists", "read", "reads",
        "concluded", "concludes", "recalled", "recalls", "declared", "declares", "announced", "announces", "admitted",
        "admits", "acknowledged", "acknowledges", "responded", "responds", "suggested", "suggests", "urged", "urges",
        "cautioned", "cautions", "remarked", "tweeted", "tweets", "posted", "observed", "emphasized", "emphasised",
        "stressed", "stresses", "maintained", "maintains", "complained", "complains", "predicted", "predicts",
        "conceded", "concedes", "commented", "comments", "testified", "vowed", "vows", "shouted", "whispered", "joked",
        "quipped", "boasted", "countered", "confirmed", "confirms", "denied", "denies", "pleaded", "demanded",
        "promised", "promises", "exclaimed", "reported", "reports", "revealed", "reveals", "laughed", "recounted",
        "described", "mused", "wondered",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that may stand between a speaker and the verb: "he later said", "the official has also warned".
    public static readonly FrozenSet<string> VerbModifiers = new[]
    {
        "has", "have", "had", "also", "later", "then", "once", "previously", "reportedly", "allegedly", "again",
        "further", "simply", "would", "will", "recently", "earlier", "subsequently", "quickly", "bluntly",
        "flatly", "repeatedly", "publicly", "privately", "famously", "often", "always", "never",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that end a speaker phrase when reading after "said": "said John Smith, who ..." / "said Smith in a statement".
    public static readonly FrozenSet<string> SpeakerStops = new[]
    {
        "who", "which", "that", "in", "on", "at", "during", "after", "before", "to", "when", "while", "adding",
        "according", "as", "and", "but", "of", "from", "with", "about", "because", "for", "last", "this",
        "yesterday", "today", "tonight", "recently", "earlier", "later", "then",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Reading back from a verb, prepositions belong to the speaker ("the Archbishop of Canterbury said") but clause
    // words do not ("officials believe that the minister said").
    public static readonly FrozenSet<string> BackwardStops = new[]
    {
        "who", "which", "that", "when", "while", "because", "although", "and", "but", "as", "if", "after", "before",
        "saying", "adding", "according",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "one", "another", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
        "your", "some", "many", "several", "two", "three", "both",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Pronouns = new[]
    {
        "he", "she", "they", "i", "we", "it", "you",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Connectives = new[]
    {
        "yet", "however", "still", "also", "meanwhile", "instead", "indeed", "moreover", "now", "later", "earlier",
        "separately", "similarly", "likewise", "nevertheless", "nonetheless", "previously", "finally",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Speakers that are not people: "he" never refers back to "the letter".
    public static readonly FrozenSet<string> NonPersonNouns = new[]
    {
        "letter", "statement", "report", "document", "memo", "paper", "note", "email", "e-mail", "book", "article",
        "study", "filing", "complaint", "lawsuit", "indictment", "ruling", "order", "post", "tweet", "message",
        "website", "release", "survey", "poll", "text", "announcement", "bill", "law", "sign", "headline", "times",
        "newspaper", "agency", "company", "ministry", "department", "government", "court", "it",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Titles and suffixes whose dot does not end a speaker phrase ("said Gen. Smith"). Case-sensitive and narrower
    /// than <see cref="Titles"/>: attribution reading was tuned with this set, and the wider one would change speakers.
    /// </summary>
    public static readonly FrozenSet<string> AttributionTitles = new[]
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "St", "Lt", "Col", "Prof", "Jr", "Sr",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributionTitleLookup =
        AttributionTitles.GetAlternateLookup<ReadOnlySpan<char>>();

    // ---- People ----

    // Two or three capitalised words, not a place ("North Korea") or a sentence-opening "The"; the last two are the name.
    [GeneratedRegex(@"(?<![\p{L}])(?!(?:North|South|East|West|New|United|White|The|In|On|At|But|And)\s)(?:\p{Lu}\p{Ll}+\s)?(?<name>\p{Lu}\p{Ll}+\s\p{Lu}[\p{Ll}'’-]+)")]
    public static partial Regex PersonName();
}
