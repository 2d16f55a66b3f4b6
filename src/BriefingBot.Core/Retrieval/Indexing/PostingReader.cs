using System.Runtime.CompilerServices;

namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>Reads one term's encoded sentence postings in ascending id order (see <see cref="SentencePostings"/>).</summary>
internal ref struct PostingReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _id;

    public PostingReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _id = -1;
    }

    // Inlined into the posting loops, which call it once per posting: a call per posting cost more than the decoding.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out int id, out int frequency)
    {
        if (_position >= _data.Length)
        {
            id = 0;
            frequency = 0;
            return false;
        }

        uint value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = _data[_position++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        _id += (int)(value >> 1);
        frequency = (value & 1) != 0 ? _data[_position++] : 1;
        id = _id;
        return true;
    }
}
