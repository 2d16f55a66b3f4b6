using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Text;
using BriefingBot.Core.Articles.Parsing;

namespace BriefingBot.Core.Articles.Cleaning;

/// <summary>
/// Removes the comment-form, sharing and byline boilerplate that scraped pages carry. It only ever removes whole
/// lines, a known phrase glued to the very end of the text, or capitalised page furniture ("Scroll down for video")
/// glued between sentences: a phrase inside an article sentence is article text.
/// Lines that are boilerplate only in a page's tail ("Related", "Website", "Email *") are removed only there.
/// </summary>
internal static partial class BoilerplateCleaner
{
    /// <summary>Whole lines that are never article text, wherever they appear (compared case-insensitively, spaces collapsed).</summary>
    private static readonly string[] AlwaysPhrases =
    [
        "Leave a Reply",
        "Leave a Reply Cancel reply",
        "Leave a Comment",
        "Cancel reply",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "Required fields are marked *",
        "You must be logged in to post a comment.",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "Notify me of new posts by email.",
        "Share this:",
        "Like this:",
        "Like Loading...",
        "Bookmark the permalink.",
        "Posted on by",
        "Posted on",
        "Posted by",
    ];

    /// <summary>Short lines that are boilerplate only when nothing but boilerplate follows them.</summary>
    private static readonly string[] TailPhrases =
    [
        "Related", "Related posts", "Related articles", "Comments", "Comment", "No comments", "Post comment",
        "Name", "Name *", "Email", "Email *", "Website", "Share", "Tweet", "Print", "Facebook", "Twitter",
        "LinkedIn", "Reddit", "WhatsApp", "Pinterest", "Telegram", "Reply", "Loading...", "Like", "Share this",
    ];

    /// <summary>Phrases that may be glued to the end of the last paragraph when a scraper lost the line break.</summary>
    private static readonly string[] GluedTrailingPhrases =
    [
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published. Required fields are marked *",
        "You must be logged in to post a comment.",
        "Leave a Reply",
        "Leave a comment",
    ];

    private static readonly FrozenSet<string> Always = AlwaysPhrases.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Tail = TailPhrases.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Span lookups: the 200,000 lines of a wire dataset are compared without allocating a string each.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AlwaysLookup = Always.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TailLookup = Tail.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lengths the phrases have; a line of any other length (after collapsing) cannot be one.</summary>
    private static readonly FrozenSet<int> PhraseLengths = AlwaysPhrases.Concat(TailPhrases).Select(p => p.Length).ToFrozenSet();

    /// <summary>Characters that make a line need rewriting before it can be compared (tabs, curly apostrophes, '…').</summary>
    private static readonly SearchValues<char> Rewritten = SearchValues.Create("\t’‘…");

    /// <summary>Longer than any phrase: such a line is only checked for the byline patterns.</summary>
    private const int MaxPhraseLength = 90;

    private enum LineKind
    {
        Blank,
        Text,
        Boilerplate,
        TailBoilerplate,
    }

    public static BodyWithoutBoilerplate Clean(string text)
    {
        text = StripSentenceStartFurniture(text);
        var lines = LineRanges(text);
        var kinds = new LineKind[lines.Count];
        string? author = null;
        DateTimeOffset? published = null;
        var tags = new List<string>();
        var removed = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i].Start, lines[i].Length).Trim();
            kinds[i] = line.IsEmpty ? LineKind.Blank
                : IsByline(line, ref author, ref published, tags) ? LineKind.Boilerplate
                : Classify(line);
            removed |= kinds[i] == LineKind.Boilerplate;
        }

        // Walk back over the page tail: blank lines and boilerplate of either kind go, the first real line stops it.
        var tailStart = lines.Count;
        while (tailStart > 0 && kinds[tailStart - 1] != LineKind.Text)
        {
            tailStart--;
        }

        for (var i = tailStart; i < lines.Count; i++)
        {
            if (kinds[i] == LineKind.TailBoilerplate)
            {
                kinds[i] = LineKind.Boilerplate;
                removed = true;
            }
        }

        // Wire text almost never has boilerplate: hand the text back untouched instead of rebuilding it.
        if (!removed)
        {
            return new BodyWithoutBoilerplate(StripGluedTail(text), author, published, tags);
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            // A removed line becomes a blank line, so the lines around it can never be joined into one paragraph.
            if (kinds[i] != LineKind.Boilerplate)
            {
                sb.Append(text.AsSpan(lines[i].Start, lines[i].Length));
            }

            sb.Append('\n');
        }

        return new BodyWithoutBoilerplate(StripGluedTail(sb.ToString()), author, published, tags);
    }

    private static LineKind Classify(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxPhraseLength)
        {
            return LineKind.Text;
        }

        // Collapse spaces and straighten apostrophes only for the rare line that needs it.
        var comparable = line.IndexOfAny(Rewritten) >= 0 || line.Contains("  ", StringComparison.Ordinal)
            ? Collapse(line).AsSpan()
            : line;
        if (PhraseLengths.Contains(comparable.Length))
        {
            if (AlwaysLookup.Contains(comparable))
            {
                return LineKind.Boilerplate;
            }

            if (TailLookup.Contains(comparable))
            {
                return LineKind.TailBoilerplate;
            }
        }

        return ClickToShare().IsMatch(comparable) ? LineKind.Boilerplate
            : CommentCount().IsMatch(comparable) ? LineKind.TailBoilerplate
            : LineKind.Text;
    }

    private static List<(int Start, int Length)> LineRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOf('\n');
            var length = end < 0 ? text.Length - start : end;
            ranges.Add((start, length));
            start += length + 1;
        }

        return ranges;
    }

    private static bool IsByline(ReadOnlySpan<char> line, ref string? author, ref DateTimeOffset? published, List<string> tags)
    {
        // Check the fixed prefixes first so the capturing regexes (which need a string) run on almost no lines.
        if (line.StartsWith("This entry was posted", StringComparison.OrdinalIgnoreCase))
        {
            // "This entry was posted in News, World and tagged Kim by Grant Montgomery. Bookmark the permalink."
            var entry = EntryPostedIn().Match(line.ToString());
            if (entry.Success)
            {
                AddList(entry.Groups["cats"].Value, tags);
                AddList(entry.Groups["tags"].Value, tags);
                author ??= NullIfBlank(entry.Groups["author"].Value);
                return true;
            }
        }

        if (line.StartsWith("Posted", StringComparison.OrdinalIgnoreCase) && line.Length <= MaxPhraseLength + 40)
        {
            // "Posted on March 3, 2019 by Jane Doe" (the seeds carry the empty stub "Posted on by").
            var posted = PostedOnBy().Match(line.ToString());
            if (posted.Success)
            {
                author ??= NullIfBlank(posted.Groups["author"].Value);
                published ??= NewsDateParser.Parse(posted.Groups["date"].Value);
                return true;
            }
        }

        return false;
    }

    private static string StripGluedTail(string text)
    {
        var trimmed = text.TrimEnd();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var phrase in GluedTrailingPhrases)
            {
                if (!trimmed.EndsWith(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var before = trimmed.AsSpan(0, trimmed.Length - phrase.Length).TrimEnd(' ');
                // Only when the phrase follows a finished sentence: "... said. Leave a Reply", never "... to leave a reply".
                if (before.Length > 0 && before[^1] is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or ')')
                {
                    trimmed = before.ToString().TrimEnd();
                    changed = true;
                }
            }
        }

        return trimmed;
    }

    /// <summary>
    /// DailyMail's "Scroll down for video" is a page instruction; scrapers glue it, and the photo caption after it,
    /// between two sentences ("... said. Scroll down for video Strictly business: ..."), where summaries pick it up.
    /// </summary>
    private static string StripSentenceStartFurniture(string text) =>
        text.Contains("Scroll down for video", StringComparison.OrdinalIgnoreCase) ? ScrollDownForVideo().Replace(text, string.Empty) : text;

    private static void AddList(string list, List<string> tags)
    {
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            tags.Add(item);
        }
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Single spaces, straight apostrophes and "..." for '…', so "Leave  a reply" or "Like Loading…" still match.</summary>
    private static string Collapse(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            switch (c)
            {
                case '’' or '‘':
                    sb.Append('\'');
                    break;
                case '…':
                    sb.Append("...");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    // Capitalised, as the page shows it ("... in 2010 Scroll down for video Done ..." follows a caption with no full
    // stop); a sentence that mentions it ("told readers to scroll down for video evidence") has it in lower case.
    [GeneratedRegex(@"(?<=^|\s)(?:Scroll down for videos?|SCROLL DOWN FOR VIDEOS?)\b[ \t]*", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ScrollDownForVideo();

    [GeneratedRegex(@"^click to (share|email|print)\b.{0,60}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClickToShare();

    [GeneratedRegex(@"^\d+ (comments?|responses?|replies)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CommentCount();

    [GeneratedRegex(
        @"^This entry was posted in(?<cats>.*?)(?: and tagged(?<tags>.*?))?(?: by (?<author>.{1,80}?))?\s*\.?(?:\s*Bookmark the permalink\.?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EntryPostedIn();

    // The author must look like a name (capitalised words, "and"), so "Posted by a friend, the video spread" stays text.
    [GeneratedRegex(
        @"^[Pp]osted(?: on(?<date>[^.]{0,40}?))? by(?<author>(?:\s+(?:and|&|\p{Lu}[\p{L}'’.-]*)){1,6})?\.?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PostedOnBy();
}
