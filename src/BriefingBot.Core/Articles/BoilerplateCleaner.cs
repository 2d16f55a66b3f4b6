using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Core.Articles;

/// <summary>
/// Removes the comment-form, sharing and byline boilerplate that scraped pages carry. It only ever removes whole
/// lines (or a known phrase glued to the very end of the text): a phrase inside an article sentence is article text.
/// Lines that are boilerplate only in a page's tail ("Related", "Website", "Email *") are removed only there.
/// </summary>
internal static partial class BoilerplateCleaner
{
    /// <summary>Whole lines that are never article text, wherever they appear. Compared after <see cref="Key"/>.</summary>
    private static readonly string[] AlwaysPhrases =
    [
        "leave a reply",
        "leave a reply cancel reply",
        "leave a comment",
        "cancel reply",
        "this site uses akismet to reduce spam. learn how your comment data is processed.",
        "your email address will not be published.",
        "your email address will not be published. required fields are marked *",
        "required fields are marked *",
        "you must be logged in to post a comment.",
        "save my name, email, and website in this browser for the next time i comment.",
        "notify me of follow-up comments by email.",
        "notify me of new posts by email.",
        "share this:",
        "like this:",
        "like loading...",
        "bookmark the permalink.",
        "posted on by",
        "posted on",
        "posted by",
    ];

    /// <summary>Short lines that are boilerplate only when nothing but boilerplate follows them.</summary>
    private static readonly string[] TailPhrases =
    [
        "related", "related posts", "related articles", "comments", "comment", "no comments", "post comment",
        "name", "name *", "email", "email *", "website", "share", "tweet", "print", "facebook", "twitter",
        "linkedin", "reddit", "whatsapp", "pinterest", "telegram", "more", "reply", "loading...", "like", "share this",
    ];

    /// <summary>Longer than any phrase above: such a line is never compared, which keeps cleaning cheap on big wire files.</summary>
    private const int MaxPhraseLength = 90;

    /// <summary>The key of a line too long to be a phrase; it matches nothing.</summary>
    private const string NotBoilerplate = "\u0001";

    private static readonly SearchValues<char> KeyRewrites = SearchValues.Create("\t’‘…");

    private static readonly HashSet<int> PhraseLengths = [.. AlwaysPhrases.Concat(TailPhrases).Select(p => p.Length)];

    private static readonly HashSet<string> Always = new(AlwaysPhrases, StringComparer.Ordinal);
    private static readonly HashSet<string> Tail = new(TailPhrases, StringComparer.Ordinal);

    /// <summary>Phrases that may be glued to the end of the last paragraph when a scraper lost the line break.</summary>
    private static readonly string[] GluedTrailingPhrases =
    [
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published. Required fields are marked *",
        "You must be logged in to post a comment.",
        "Leave a Reply",
        "Leave a comment",
    ];

    public static CleanedBody Clean(string text)
    {
        var lines = LineRanges(text);
        var keep = new bool[lines.Count];
        string? author = null;
        DateTimeOffset? published = null;
        var tags = new List<string>();
        var removed = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i].Start, lines[i].Length);
            var key = Key(line);
            keep[i] = key.Length == 0 || !IsAlwaysBoilerplate(key, line, ref author, ref published, tags);
            removed |= !keep[i];
        }

        // Walk back over the page tail: blank lines and boilerplate of either kind go, the first real line stops it.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var key = Key(text.AsSpan(lines[i].Start, lines[i].Length));
            if (key.Length == 0 || !keep[i])
            {
                continue;
            }

            if (!Tail.Contains(key) && !CommentCount().IsMatch(key))
            {
                break;
            }

            keep[i] = false;
            removed = true;
        }

        // Wire text almost never has boilerplate: hand the text back untouched instead of rebuilding it.
        if (!removed)
        {
            return new CleanedBody(StripGluedTail(text), author, published, tags);
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            // A removed line becomes a blank line, so the lines around it can never be joined into one paragraph.
            if (keep[i])
            {
                sb.Append(text.AsSpan(lines[i].Start, lines[i].Length));
            }

            sb.Append('\n');
        }

        return new CleanedBody(StripGluedTail(sb.ToString()), author, published, tags);
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

    private static bool IsAlwaysBoilerplate(string key, ReadOnlySpan<char> line, ref string? author, ref DateTimeOffset? published, List<string> tags)
    {
        if (Always.Contains(key) || ClickToShare().IsMatch(key))
        {
            return true;
        }

        // Check the fixed prefixes first so the capturing regexes (which need a string) run on almost no lines.
        var trimmed = line.Trim();
        if (trimmed.StartsWith("This entry was posted", StringComparison.OrdinalIgnoreCase))
        {
            // "This entry was posted in News, World and tagged Kim by Grant Montgomery. Bookmark the permalink."
            var entry = EntryPostedIn().Match(trimmed.ToString());
            if (entry.Success)
            {
                AddList(entry.Groups["cats"].Value, tags);
                AddList(entry.Groups["tags"].Value, tags);
                author ??= NullIfBlank(entry.Groups["author"].Value);
                return true;
            }
        }

        if (trimmed.StartsWith("Posted", StringComparison.OrdinalIgnoreCase) && trimmed.Length <= MaxPhraseLength + 40)
        {
            // "Posted on March 3, 2019 by Jane Doe" (the seeds carry the empty stub "Posted on by").
            var posted = PostedOnBy().Match(trimmed.ToString());
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

    private static void AddList(string list, List<string> tags)
    {
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            tags.Add(item);
        }
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Lower-cased, single-spaced, straight-apostrophe form used for comparisons.</summary>
    private static string Key(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            return string.Empty;
        }

        // Most lines cannot be a phrase; ruling that out without allocating keeps 20,000-record wire files cheap.
        if (!MayBePhrase(trimmed))
        {
            return NotBoilerplate;
        }

        var sb = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
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
                    sb.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// False when the line cannot equal a phrase: too long, or (when it has nothing the key rewrites) a length no
    /// phrase has. Lines the regexes look at (numbers, "click to …", bylines) always go through.
    /// </summary>
    private static bool MayBePhrase(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length > MaxPhraseLength)
        {
            return false;
        }

        if (trimmed.IndexOfAny(KeyRewrites) >= 0 || trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return true;
        }

        // Digits and "click to …" feed the regexes, whose lines have no fixed length.
        return PhraseLengths.Contains(trimmed.Length)
            || char.IsAsciiDigit(trimmed[0])
            || trimmed[0] is 'c' or 'C';
    }

    [GeneratedRegex(@"^click to (share|email|print)\b.{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClickToShare();

    [GeneratedRegex(@"^\d+ (comments?|responses?|replies)$", RegexOptions.CultureInvariant)]
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
