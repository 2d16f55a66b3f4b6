using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics.Tests.Support;

/// <summary>
/// A fast stand-in for the model: each word adds a fixed pseudo-random direction, so texts that share words are close.
/// Counts what it embeds, can be slowed down, and can fail.
/// </summary>
public sealed class FakeEmbedder(string modelId = "fake/1", int dimensions = 16) : ITextEmbedder
{
    private int _texts;
    private int _calls;

    public string ModelId => modelId;

    public int Dimensions => dimensions;

    /// <summary>Texts embedded so far, the warm-up call included.</summary>
    public int Texts => Volatile.Read(ref _texts);

    /// <summary>Slept per call, to give a test time to act while work is under way.</summary>
    public TimeSpan DelayPerCall { get; init; }

    public Exception? FailWith { get; init; }

    /// <summary>Calls that succeed before <see cref="FailWith"/> applies (a model that breaks in use).</summary>
    public int FailAfterCalls { get; init; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (FailWith is not null && Interlocked.Increment(ref _calls) > FailAfterCalls)
        {
            throw FailWith;
        }

        if (DelayPerCall > TimeSpan.Zero)
        {
            Thread.Sleep(DelayPerCall);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Add(ref _texts, texts.Count);
        return texts.Select(Vector).ToArray();
    }

    private float[] Vector(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '.', ',', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(word));
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] += (hash[d % hash.Length] / 127.5f) - 1;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm == 0)
        {
            vector[0] = norm = 1;
        }

        return vector.Select(x => x / norm).ToArray();
    }
}
