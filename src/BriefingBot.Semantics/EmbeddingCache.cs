using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics;

/// <summary>
/// Sentence vectors kept on disk, keyed by model and exact text, so a restart or a one-shot CLI call reuses what any
/// earlier run embedded. One append-only file per model: a header, then fixed-size records (a 16-byte hash of the
/// text, the vector's scale, its components as signed bytes, i.e. exactly what <see cref="SentenceVectors"/> holds).
/// </summary>
/// <remarks>
/// Fixed-size records make a torn write harmless: a partial record at the end is ignored on the next open. Only one
/// process appends at a time: it holds an exclusive lock on a file beside the cache (a lock on the cache itself would
/// not do: on Linux .NET lets two handles that both allow reading write at once). Another process that finds the lock
/// taken reads the cache and keeps its own new vectors in memory. 404 bytes a sentence at 384 dimensions.
/// </remarks>
public sealed class EmbeddingCache : IDisposable
{
    private const int KeyBytes = 16;
    private static readonly byte[] Magic = "BBVEC001"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly Dictionary<UInt128, int> _slots = [];
    private readonly List<byte[]> _records = [];
    private FileStream? _writer;
    private FileStream? _writerLock;
    private readonly int _recordSize;
    private readonly string _modelId;

    private EmbeddingCache(string? path, string modelId, int dimensions)
    {
        Path = path;
        _modelId = modelId;
        Dimensions = dimensions;
        _recordSize = KeyBytes + sizeof(float) + dimensions;
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _writerLock = TryLock(path + ".lock");
        ReadExisting(path, mayReplace: _writerLock is not null);
        if (_writerLock is null)
        {
            return; // another process is appending; we read its vectors and keep ours in memory
        }

        _writer = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        if (_writer.Length < Header().Length)
        {
            _writer.SetLength(0);
            _writer.Write(Header());
        }

        // Past whole records only: a torn tail from an interrupted run is overwritten.
        var whole = Header().Length + ((_writer.Length - Header().Length) / _recordSize * _recordSize);
        _writer.SetLength(whole);
        _writer.Seek(0, SeekOrigin.End);
    }

    /// <summary>Where the vectors live, or null for a cache that lives in memory only.</summary>
    public string? Path { get; }

    public int Dimensions { get; }

    public bool IsPersistent => _writer is not null;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Bytes each cached sentence takes on disk.</summary>
    public int RecordSize => _recordSize;

    /// <summary>Opens (or creates) the cache file for <paramref name="embedder"/>'s model in <paramref name="folder"/>.</summary>
    public static EmbeddingCache Open(string folder, ITextEmbedder embedder)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(embedder.ModelId)))[..16];
        return new EmbeddingCache(System.IO.Path.Combine(folder, $"vectors-{name}.bin"), embedder.ModelId, embedder.Dimensions);
    }

    public static EmbeddingCache InMemory(ITextEmbedder embedder) => new(null, embedder.ModelId, embedder.Dimensions);

    /// <summary>Copies the cached vector of <paramref name="text"/> into slot <paramref name="sentence"/>; false if none is cached.</summary>
    public bool TryFill(string text, SentenceVectors vectors, int sentence)
    {
        byte[] record;
        lock (_gate)
        {
            if (!_slots.TryGetValue(Key(text), out var slot))
            {
                return false;
            }

            record = _records[slot];
        }

        var scale = BinaryPrimitives.ReadSingleLittleEndian(record.AsSpan(KeyBytes));
        vectors.SetQuantized(sentence, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(record.AsSpan(KeyBytes + sizeof(float))), scale);
        return true;
    }

    /// <summary>Remembers the vector stored in slot <paramref name="sentence"/> under <paramref name="text"/>.</summary>
    public void Add(string text, SentenceVectors vectors, int sentence)
    {
        var key = Key(text);
        var record = new byte[_recordSize];
        if (!vectors.CopyQuantized(sentence, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(record.AsSpan(KeyBytes + sizeof(float))), out var scale))
        {
            return;
        }

        BinaryPrimitives.WriteUInt128LittleEndian(record, key);
        BinaryPrimitives.WriteSingleLittleEndian(record.AsSpan(KeyBytes), scale);
        lock (_gate)
        {
            if (!_slots.TryAdd(key, _records.Count))
            {
                return;
            }

            _records.Add(record);
            _writer?.Write(record);
        }
    }

    /// <summary>Pushes appended records to the file.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _writer?.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Flush();
            _writer?.Dispose();
            _writerLock?.Dispose();

            // Later additions (a question finishing during shutdown) stay in memory.
            _writer = null;
            _writerLock = null;
        }
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private byte[] Header()
    {
        var header = new byte[Magic.Length + sizeof(int) + 32];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), Dimensions);
        SHA256.HashData(Encoding.UTF8.GetBytes(_modelId), header.AsSpan(Magic.Length + sizeof(int)));
        return header;
    }

    private void ReadExisting(string path, bool mayReplace)
    {
        if (!File.Exists(path))
        {
            return;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (IOException)
        {
            return;
        }

        var header = Header();
        if (bytes.Length < header.Length || !bytes.AsSpan(0, header.Length).SequenceEqual(header))
        {
            // Another model or format, or damage: start afresh rather than mix vectors from different spaces. Only
            // the process holding the lock may, since another may be appending to it.
            if (mayReplace)
            {
                File.Delete(path);
            }

            return;
        }

        for (var at = header.Length; at + _recordSize <= bytes.Length; at += _recordSize)
        {
            var record = bytes.AsSpan(at, _recordSize).ToArray();
            if (_slots.TryAdd(BinaryPrimitives.ReadUInt128LittleEndian(record), _records.Count))
            {
                _records.Add(record);
            }
        }
    }
}
