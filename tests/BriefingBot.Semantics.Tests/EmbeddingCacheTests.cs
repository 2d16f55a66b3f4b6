using BriefingBot.Core.Semantics;
using BriefingBot.Semantics.Tests.Support;

namespace BriefingBot.Semantics.Tests;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeEmbedder _embedder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Vectors_SurviveReopening_WithTheirValues()
    {
        var texts = new[] { "Kim warned his generals.", "The vote was seven to four.", "Rain fell on Tuesday." };
        var written = Store(texts);
        using (var cache = EmbeddingCache.Open(_folder.Path, _embedder))
        {
            Assert.True(cache.IsPersistent);
            for (var i = 0; i < texts.Length; i++)
            {
                cache.Add(texts[i], written, i);
            }
        }

        using var reopened = EmbeddingCache.Open(_folder.Path, _embedder);
        var read = new SentenceVectors(texts.Length, _embedder.Dimensions);
        Assert.Equal(3, reopened.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(reopened.TryFill(texts[i], read, i));
            var expected = _embedder.Embed([texts[i]])[0];
            Assert.Equal(written.Dot(i, expected)!.Value, read.Dot(i, expected)!.Value, 5);
        }

        Assert.False(reopened.TryFill("Never cached.", read, 0));
    }

    [Fact]
    public void TornTail_IsIgnoredAndOverwritten()
    {
        var texts = new[] { "First sentence.", "Second sentence." };
        WriteCache(texts);
        var path = Directory.GetFiles(_folder.Path, "*.bin").Single();
        var whole = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write(new byte[16 + sizeof(float) + _embedder.Dimensions - 1]); // a record cut short by a crash
        }

        int recordSize;
        using (var cache = EmbeddingCache.Open(_folder.Path, _embedder))
        {
            Assert.Equal(2, cache.Count);
            recordSize = cache.RecordSize;
            cache.Add("Third sentence.", Store(["Third sentence."]), 0);
        }

        Assert.Equal(whole + recordSize, new FileInfo(path).Length);
        using var reopened = EmbeddingCache.Open(_folder.Path, _embedder);
        Assert.Equal(3, reopened.Count);
        Assert.True(reopened.TryFill("Third sentence.", new SentenceVectors(1, _embedder.Dimensions), 0));
    }

    [Fact]
    public void AnotherModelsFile_UnderTheSameName_IsReplacedNotMixedIn()
    {
        WriteCache(["A sentence."]);
        var path = Directory.GetFiles(_folder.Path, "*.bin").Single();
        var bytes = File.ReadAllBytes(path);
        bytes[12] ^= 0xFF; // the header's model hash no longer matches
        File.WriteAllBytes(path, bytes);

        using var cache = EmbeddingCache.Open(_folder.Path, _embedder);

        Assert.Equal(0, cache.Count);
        Assert.True(cache.IsPersistent);
        Assert.False(cache.TryFill("A sentence.", new SentenceVectors(1, _embedder.Dimensions), 0));
    }

    [Fact]
    public void GarbageFile_IsReplaced()
    {
        Directory.CreateDirectory(_folder.Path);
        using (EmbeddingCache.Open(_folder.Path, _embedder))
        {
        }

        var path = Directory.GetFiles(_folder.Path, "*.bin").Single();
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);

        using (var cache = EmbeddingCache.Open(_folder.Path, _embedder))
        {
            cache.Add("Fresh.", Store(["Fresh."]), 0);
        }

        using var reopened = EmbeddingCache.Open(_folder.Path, _embedder);
        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void OtherModel_GetsItsOwnFreshCache()
    {
        WriteCache(["Shared text."]);

        using var other = EmbeddingCache.Open(_folder.Path, new FakeEmbedder("fake/2"));

        Assert.Equal(0, other.Count);
        Assert.Equal(2, Directory.GetFiles(_folder.Path, "*.bin").Length);
    }

    [Fact]
    public void SecondOpener_ReadsButDoesNotWrite_AndKeepsWorking()
    {
        WriteCache(["Old sentence."]);
        using var first = EmbeddingCache.Open(_folder.Path, _embedder);
        first.Add("Written by the first.", Store(["Written by the first."]), 0);
        first.Flush();

        using var second = EmbeddingCache.Open(_folder.Path, _embedder);
        Assert.False(second.IsPersistent);
        Assert.Equal(2, second.Count);
        second.Add("Only in the second's memory.", Store(["Only in the second's memory."]), 0);
        Assert.True(second.TryFill("Only in the second's memory.", new SentenceVectors(1, _embedder.Dimensions), 0));

        first.Add("Written later by the first.", Store(["Written later by the first."]), 0);
        first.Dispose();
        second.Dispose();
        using var third = EmbeddingCache.Open(_folder.Path, _embedder);
        Assert.True(third.IsPersistent);
        Assert.Equal(3, third.Count); // the first's three records, none of the second's, nothing torn
    }

    private SentenceVectors Store(string[] texts)
    {
        var vectors = new SentenceVectors(texts.Length, _embedder.Dimensions);
        var embedded = _embedder.Embed(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            vectors.Set(i, embedded[i]);
        }

        return vectors;
    }

    private void WriteCache(string[] texts)
    {
        var vectors = Store(texts);
        using var cache = EmbeddingCache.Open(_folder.Path, _embedder);
        for (var i = 0; i < texts.Length; i++)
        {
            cache.Add(texts[i], vectors, i);
        }
    }
}
