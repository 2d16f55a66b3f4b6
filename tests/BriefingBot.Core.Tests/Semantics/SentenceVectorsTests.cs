using BriefingBot.Core.Semantics;

namespace BriefingBot.Core.Tests.Semantics;

public sealed class SentenceVectorsTests
{
    private const int Dimensions = 384;

    [Fact]
    public void Dot_of_a_stored_vector_matches_the_exact_cosine_within_quantisation_error()
    {
        var random = new Random(11);
        var vectors = new SentenceVectors(200, Dimensions);
        var exact = new float[200][];
        for (var i = 0; i < exact.Length; i++)
        {
            exact[i] = Unit(random);
            vectors.Set(i, exact[i]);
        }

        var query = Unit(random);
        var worst = 0.0;
        for (var i = 0; i < exact.Length; i++)
        {
            var expected = exact[i].Zip(query).Sum(p => (double)p.First * p.Second);
            worst = Math.Max(worst, Math.Abs(vectors.Dot(i, query)!.Value - expected));
        }

        Assert.InRange(worst, 0, 0.01);
    }

    [Fact]
    public void An_empty_slot_has_no_vector_until_set_and_a_second_set_keeps_the_first()
    {
        var vectors = new SentenceVectors(3, Dimensions);
        var first = Unit(new Random(1));
        var second = Unit(new Random(2));

        Assert.False(vectors.Has(1));
        Assert.Null(vectors.Dot(1, first));

        vectors.Set(1, first);
        vectors.Set(1, second);

        Assert.True(vectors.Has(1));
        Assert.Equal(1, vectors.Filled);
        Assert.InRange(vectors.Dot(1, first)!.Value, 0.99, 1.01);
        Assert.False(vectors.IsComplete);
    }

    [Fact]
    public void Quantised_copies_round_trip_exactly()
    {
        var source = new SentenceVectors(1, Dimensions);
        source.Set(0, Unit(new Random(5)));
        var bytes = new sbyte[Dimensions];
        Assert.True(source.CopyQuantized(0, bytes, out var scale));

        var copy = new SentenceVectors(5000, Dimensions);
        copy.SetQuantized(4500, bytes, scale);

        var query = Unit(new Random(9));
        Assert.Equal(source.Dot(0, query), copy.Dot(4500, query));
    }

    [Fact]
    public void Concurrent_writers_fill_each_slot_once()
    {
        var vectors = new SentenceVectors(10_000, Dimensions);
        var vector = Unit(new Random(3));
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < vectors.Count; i++)
            {
                vectors.Set(i, vector);
            }
        });

        Assert.Equal(10_000, vectors.Filled);
        Assert.True(vectors.IsComplete);
    }

    [Fact]
    public void Wrong_dimensions_are_refused()
    {
        var vectors = new SentenceVectors(1, Dimensions);
        Assert.Throws<ArgumentException>(() => vectors.Set(0, new float[10]));
    }

    private static float[] Unit(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = (float)Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
