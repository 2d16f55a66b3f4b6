namespace BriefingBot.Core.Text;

/// <summary>
/// The Porter2 ("Snowball English") stemmer, written from the algorithm's published description.
/// Input is expected to be folded already (lower case, straight apostrophes), as <see cref="Tokenizer"/> produces.
/// </summary>
/// <remarks>
/// Works in place on a small char buffer with index arithmetic rather than string operations, because the index stems
/// every distinct word of the collection; a word that does not change comes back as the same string instance.
/// </remarks>
public static class EnglishStemmer
{
    // Longer words are not English words worth stemming (URLs, hashes); they are returned unchanged.
    private const int MaxStemmedLength = 64;

    public static string Stem(string word)
    {
        if (word.Length <= 2 || word.Length > MaxStemmedLength)
        {
            return word;
        }

        Span<char> buffer = stackalloc char[MaxStemmedLength + 1];
        var length = Stem(word, buffer);
        var stem = buffer[..length];
        return stem.SequenceEqual(word) ? word : new string(stem);
    }

    /// <summary>Stems <paramref name="word"/> into <paramref name="destination"/> and returns the stem's length.</summary>
    /// <remarks>The destination needs one character more than the word, because step 1b may add an "e".</remarks>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (destination.Length < word.Length + 1)
        {
            throw new ArgumentException("The destination must be at least one character longer than the word.", nameof(destination));
        }

        word.CopyTo(destination);
        if (word.Length <= 2 || word.Length > MaxStemmedLength)
        {
            return word.Length;
        }

        var w = destination;
        var n = word.Length;

        if (w[0] == '\'')
        {
            w[1..n].CopyTo(w);
            n--;
        }

        if (TryException1(w[..n], w, out var exceptionLength))
        {
            return exceptionLength;
        }

        // A y that acts as a consonant is marked as Y so the vowel tests below do not treat it as a vowel.
        if (w[0] == 'y')
        {
            w[0] = 'Y';
        }

        for (var i = 1; i < n; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
            }
        }

        var p1 = FindR1(w[..n]);
        var p2 = FindRegionAfter(w[..n], p1);

        n = Step0(w, n);
        n = Step1a(w, n);
        if (IsException2(w[..n]))
        {
            return Finish(w, n);
        }

        n = Step1b(w, n, p1);
        n = Step1c(w, n);
        n = Step2(w, n, p1);
        n = Step3(w, n, p1, p2);
        n = Step4(w, n, p2);
        n = Step5(w, n, p1, p2);
        return Finish(w, n);
    }

    private static int Finish(Span<char> w, int n)
    {
        w[..n].Replace('Y', 'y');
        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool TryException1(ReadOnlySpan<char> word, Span<char> destination, out int length)
    {
        string? stem = word switch
        {
            "skis" => "ski",
            "skies" => "sky",
            "dying" => "die",
            "lying" => "lie",
            "tying" => "tie",
            "idly" => "idl",
            "gently" => "gentl",
            "ugly" => "ugli",
            "early" => "earli",
            "only" => "onli",
            "singly" => "singl",
            "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => word.ToString(),
            _ => null,
        };

        if (stem is null)
        {
            length = 0;
            return false;
        }

        stem.CopyTo(destination);
        length = stem.Length;
        return true;
    }

    private static bool IsException2(ReadOnlySpan<char> word) =>
        word is "inning" or "outing" or "evening" or "canning" or "herring" or "earring" or "proceed" or "exceed" or "succeed";

    // The classic list is gener, commun and arsen; the current Snowball description adds the others.
    private static readonly string[] R1Prefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static int FindR1(ReadOnlySpan<char> w)
    {
        // These prefixes would otherwise put R1 too early and conflate unrelated words (general/generous,
        // communism/community, organ/organization, paste/past, universal/universe, internal/intern).
        foreach (var prefix in R1Prefixes)
        {
            if (w.StartsWith(prefix))
            {
                return prefix.Length;
            }
        }

        return FindRegionAfter(w, 0);
    }

    /// <summary>The region after the first non-vowel that follows a vowel, searching from <paramref name="from"/>.</summary>
    private static int FindRegionAfter(ReadOnlySpan<char> w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static bool EndsWith(Span<char> w, int n, string suffix) => n >= suffix.Length && w[..n].EndsWith(suffix);

    private static int Replace(Span<char> w, int n, int suffixLength, string replacement)
    {
        var start = n - suffixLength;
        replacement.CopyTo(w[start..]);
        return start + replacement.Length;
    }

    private static int Step0(Span<char> w, int n)
    {
        if (EndsWith(w, n, "'s'"))
        {
            return n - 3;
        }

        if (EndsWith(w, n, "'s"))
        {
            return n - 2;
        }

        return EndsWith(w, n, "'") ? n - 1 : n;
    }

    private static int Step1a(Span<char> w, int n)
    {
        if (EndsWith(w, n, "sses"))
        {
            return n - 2;
        }

        if (EndsWith(w, n, "ied") || EndsWith(w, n, "ies"))
        {
            // "ties" -> "tie" but "cries" -> "cri": only a single preceding letter keeps the e.
            return n > 4 ? n - 2 : n - 1;
        }

        if (EndsWith(w, n, "us") || EndsWith(w, n, "ss"))
        {
            return n;
        }

        if (EndsWith(w, n, "s"))
        {
            // Delete only if a vowel occurs before the letter preceding the s ("gaps" -> "gap", but "gas" stays).
            for (var i = 0; i < n - 2; i++)
            {
                if (IsVowel(w[i]))
                {
                    return n - 1;
                }
            }
        }

        return n;
    }

    private static int Step1b(Span<char> w, int n, int p1)
    {
        if (EndsWith(w, n, "eedly") || EndsWith(w, n, "eed"))
        {
            var suffixLength = EndsWith(w, n, "eedly") ? 5 : 3;
            return n - suffixLength >= p1 ? Replace(w, n, suffixLength, "ee") : n;
        }

        int length;
        if (EndsWith(w, n, "ingly"))
        {
            length = 5;
        }
        else if (EndsWith(w, n, "edly"))
        {
            length = 4;
        }
        else if (EndsWith(w, n, "ing"))
        {
            length = 3;
        }
        else if (EndsWith(w, n, "ed"))
        {
            length = 2;
        }
        else
        {
            return n;
        }

        var stemEnd = n - length;
        if (!w[..stemEnd].ContainsAny(Vowels))
        {
            return n;
        }

        n = stemEnd;

        // "hying" -> "hie", "vying" -> "vie": a consonant plus y is what is left of an -ie verb.
        if (length == 3 && n == 2 && w[1] == 'y' && !IsVowel(w[0]))
        {
            w[1] = 'i';
            w[2] = 'e';
            return 3;
        }

        if (EndsWith(w, n, "at") || EndsWith(w, n, "bl") || EndsWith(w, n, "iz"))
        {
            w[n] = 'e';
            return n + 1;
        }

        // Undouble "hopp" -> "hop", except after a lone initial vowel ("added" -> "add", "erred" -> "err").
        if (n >= 2 && w[n - 1] == w[n - 2] && w[n - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't'
            && !(n == 3 && IsVowel(w[0])))
        {
            return n - 1;
        }

        if (p1 >= n && EndsInShortSyllable(w[..n]))
        {
            w[n] = 'e';
            return n + 1;
        }

        return n;
    }

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    private static bool EndsInShortSyllable(ReadOnlySpan<char> w)
    {
        var n = w.Length;

        // "past" counts as short so that "paste", "pasted" and "pasting" keep their e and stay apart from "past".
        if (w is "past")
        {
            return true;
        }

        if (n == 2)
        {
            return IsVowel(w[0]) && !IsVowel(w[1]);
        }

        return n >= 3
            && !IsVowel(w[n - 3])
            && IsVowel(w[n - 2])
            && !IsVowel(w[n - 1]) && w[n - 1] is not ('w' or 'x' or 'Y');
    }

    private static int Step1c(Span<char> w, int n)
    {
        if (n > 2 && w[n - 1] is 'y' or 'Y' && !IsVowel(w[n - 2]))
        {
            w[n - 1] = 'i';
        }

        return n;
    }

    private static int Step2(Span<char> w, int n, int p1)
    {
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!EndsWith(w, n, suffix))
            {
                continue;
            }

            var start = n - suffix.Length;
            if (start < p1)
            {
                return n;
            }

            return suffix switch
            {
                "ogi" => start > 0 && w[start - 1] == 'l' ? Replace(w, n, suffix.Length, replacement) : n,
                "li" => start > 0 && IsValidLiEnding(w[start - 1]) ? start : n,
                _ => Replace(w, n, suffix.Length, replacement),
            };
        }

        return n;
    }

    private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    // Longest suffixes first, so the first match is the longest one, as the algorithm requires.
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("ogist", "og"), ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"),
        ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"),
        ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static int Step3(Span<char> w, int n, int p1, int p2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!EndsWith(w, n, suffix))
            {
                continue;
            }

            var start = n - suffix.Length;
            if (start < p1 || (suffix == "ative" && start < p2))
            {
                return n;
            }

            return Replace(w, n, suffix.Length, replacement);
        }

        return n;
    }

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    private static int Step4(Span<char> w, int n, int p2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!EndsWith(w, n, suffix))
            {
                continue;
            }

            var start = n - suffix.Length;
            if (start < p2)
            {
                return n;
            }

            if (suffix == "ion")
            {
                return start > 0 && w[start - 1] is 's' or 't' ? start : n;
            }

            return start;
        }

        return n;
    }

    private static int Step5(Span<char> w, int n, int p1, int p2)
    {
        if (n == 0)
        {
            return n;
        }

        if (w[n - 1] == 'e')
        {
            var start = n - 1;
            if (start >= p2 || (start >= p1 && !EndsInShortSyllable(w[..start])))
            {
                return start;
            }
        }
        else if (w[n - 1] == 'l' && n - 1 >= p2 && n >= 2 && w[n - 2] == 'l')
        {
            return n - 1;
        }

        return n;
    }
}
