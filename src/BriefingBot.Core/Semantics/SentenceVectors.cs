using System.Runtime.Intrinsics;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// The meaning vectors of one snapshot's sentences, filled in as they are embedded (from the cache at once, the rest
/// by a background worker or on demand), and read by any number of queries meanwhile.
/// </summary>
/// <remarks>
/// Each vector is stored as signed bytes with one scale (the component of largest magnitude maps to ±127): a quarter
/// of the memory of floats, which at 100k articles is the difference between about 0.8 and 3 GB, for a cosine error
/// around 0.002, far below the gaps ranking cares about. A slot is written once and published by its scale, written
/// last with a volatile write; a reader that sees a scale of zero treats the vector as not there yet.
/// </remarks>
public sealed class SentenceVectors
{
    private const int BlockSize = 4096;

    private readonly sbyte[]?[] _blocks;
    private readonly float[] _scales;
    private int _filled;

    public SentenceVectors(int count, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Count = count;
        Dimensions = dimensions;
        _scales = new float[count];
        _blocks = new sbyte[]?[(count + BlockSize - 1) / BlockSize];
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>How many slots hold a vector.</summary>
    public int Filled => Volatile.Read(ref _filled);

    public bool IsComplete => Filled == Count;

    /// <summary>Bytes held by the vectors (blocks are allocated as they fill).</summary>
    public long Bytes => (_scales.Length * sizeof(float)) + (_blocks.Count(b => b is not null) * (long)BlockSize * Dimensions);

    public bool Has(int sentence) => Volatile.Read(ref _scales[sentence]) != 0;

    /// <summary>Stores the vector of <paramref name="sentence"/> unless it already has one.</summary>
    public void Set(int sentence, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        if (Has(sentence))
        {
            return;
        }

        var max = 0f;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        if (max == 0)
        {
            max = 1e-6f;
        }

        var block = Block(sentence / BlockSize);
        var offset = sentence % BlockSize * Dimensions;
        for (var i = 0; i < vector.Length; i++)
        {
            block[offset + i] = (sbyte)Math.Round(vector[i] / max * 127);
        }

        if (Interlocked.CompareExchange(ref _scales[sentence], max / 127, 0f) == 0)
        {
            Interlocked.Increment(ref _filled);
        }
    }

    /// <summary>Stores an already quantised vector (from the cache) unless the slot has one.</summary>
    public void SetQuantized(int sentence, ReadOnlySpan<sbyte> components, float scale)
    {
        if (components.Length != Dimensions || scale <= 0)
        {
            throw new ArgumentException("A quantised vector needs all its components and a positive scale.", nameof(components));
        }

        if (Has(sentence))
        {
            return;
        }

        components.CopyTo(Block(sentence / BlockSize).AsSpan(sentence % BlockSize * Dimensions, Dimensions));
        if (Interlocked.CompareExchange(ref _scales[sentence], scale, 0f) == 0)
        {
            Interlocked.Increment(ref _filled);
        }
    }

    /// <summary>Copies the quantised form of a stored vector out (for the cache); false if the slot is empty.</summary>
    public bool CopyQuantized(int sentence, Span<sbyte> components, out float scale)
    {
        scale = Volatile.Read(ref _scales[sentence]);
        if (scale == 0)
        {
            return false;
        }

        _blocks[sentence / BlockSize]!.AsSpan(sentence % BlockSize * Dimensions, Dimensions).CopyTo(components);
        return true;
    }

    /// <summary>Dot product with a unit query vector, or null when the sentence has no vector yet.</summary>
    public float? Dot(int sentence, ReadOnlySpan<float> query)
    {
        var scale = Volatile.Read(ref _scales[sentence]);
        if (scale == 0)
        {
            return null;
        }

        var row = _blocks[sentence / BlockSize]!.AsSpan(sentence % BlockSize * Dimensions, Dimensions);
        return Dot(row, query) * scale;
    }

    /// <summary>
    /// Signed bytes times floats, 32 components a step where the CPU has 256-bit vectors: at 100k articles a question
    /// is compared with every title, and the scalar loop alone took longer than the rest of the answer.
    /// </summary>
    private static float Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<float> query)
    {
        var i = 0;
        var sum = 0f;
        if (Vector256.IsHardwareAccelerated && row.Length >= 32)
        {
            var acc = Vector256<float>.Zero;
            for (; i <= row.Length - 32; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(row.Slice(i, 32)));
                var (a, b) = Vector256.Widen(low);
                var (c, d) = Vector256.Widen(high);
                acc += Vector256.ConvertToSingle(a) * Vector256.Create(query.Slice(i, 8));
                acc += Vector256.ConvertToSingle(b) * Vector256.Create(query.Slice(i + 8, 8));
                acc += Vector256.ConvertToSingle(c) * Vector256.Create(query.Slice(i + 16, 8));
                acc += Vector256.ConvertToSingle(d) * Vector256.Create(query.Slice(i + 24, 8));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    /// <summary>Adds the (dequantised) vector of <paramref name="sentence"/> to <paramref name="sum"/>; false if it has none.</summary>
    public bool AddTo(int sentence, Span<float> sum)
    {
        var scale = Volatile.Read(ref _scales[sentence]);
        if (scale == 0)
        {
            return false;
        }

        var row = _blocks[sentence / BlockSize]!.AsSpan(sentence % BlockSize * Dimensions, Dimensions);
        for (var i = 0; i < row.Length; i++)
        {
            sum[i] += row[i] * scale;
        }

        return true;
    }

    private sbyte[] Block(int index)
    {
        var block = Volatile.Read(ref _blocks[index]);
        if (block is not null)
        {
            return block;
        }

        Interlocked.CompareExchange(ref _blocks[index], new sbyte[BlockSize * Dimensions], null);
        return _blocks[index]!;
    }
}
