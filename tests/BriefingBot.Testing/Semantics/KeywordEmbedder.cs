using System.Text;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Testing.Semantics;

/// <summary>
/// A stand-in for the sentence model that tests can reason about: each concept is one axis, and a text points along
/// the axes of the concepts whose keywords it contains, so "deluge" and "flood" can mean the same thing while sharing
/// no word. Other words add a small component on a few spare axes chosen by a stable hash, so two texts without any
/// keyword are not taken for the same meaning.
/// </summary>
/// <remarks>A keyword matches a word that starts with it ("flood" matches "flooded"); matching ignores case.</remarks>
public sealed class KeywordEmbedder : ITextEmbedder
{
    private const int SpareAxes = 16;

    // Small against a keyword's 1, so that what a text is about decides its direction.
    private const float OtherWordWeight = 0.05f;

    private readonly (string Keyword, int Axis)[] _keywords;
    private int _embedded;

    /// <param name="concepts">Concept name → the words that express it.</param>
    public KeywordEmbedder(IReadOnlyDictionary<string, string[]> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        _keywords = concepts.Values
            .SelectMany((words, axis) => words.Select(w => (w.ToLowerInvariant(), axis)))
            .OrderByDescending(k => k.Item1.Length)
            .ToArray();
        Dimensions = concepts.Count + SpareAxes;
        ModelId = "keywords:" + string.Join(",", concepts.Keys);
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    /// <summary>How many texts it has embedded; tests use it to check a budget is kept.</summary>
    public int Embedded => Volatile.Read(ref _embedded);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Add(ref _embedded, texts.Count);
        return texts.Select(Vector).ToArray();
    }

    private float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text))
        {
            var axis = Axis(word);
            if (axis >= 0)
            {
                vector[axis] += 1;
            }
            else
            {
                vector[Dimensions - SpareAxes + (int)(Hash(word) % SpareAxes)] += OtherWordWeight;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm == 0)
        {
            vector[^1] = 1;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    private int Axis(string word)
    {
        foreach (var (keyword, axis) in _keywords)
        {
            if (word.StartsWith(keyword, StringComparison.Ordinal))
            {
                return axis;
            }
        }

        return -1;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // FNV-1a: string.GetHashCode differs between runs, and tests must not.
    private static uint Hash(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
