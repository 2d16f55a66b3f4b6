using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Appends ids to one of a query's touched lists without a branch per id: room for a whole term is reserved up front,
/// every id is written, and the count moves on only for a new one. A branch on "first time" was mispredicted about as
/// often as not in the posting loop (docs/performance-history.md). Between <see cref="Reserve"/> and
/// <see cref="Commit"/> the list holds unwritten slots past the recorded ids.
/// </summary>
internal ref struct TouchedRecorder(List<int> touched)
{
    private Span<int> _buffer;
    private int _count = touched.Count;

    /// <summary>Makes room for up to <paramref name="ids"/> more ids.</summary>
    public void Reserve(int ids)
    {
        _count = touched.Count;
        CollectionsMarshal.SetCount(touched, _count + ids);
        _buffer = CollectionsMarshal.AsSpan(touched);
    }

    /// <summary>Records <paramref name="id"/> when <paramref name="isNew"/>; within the room <see cref="Reserve"/> made.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(int id, bool isNew)
    {
        _buffer[_count] = id;
        _count += isNew ? 1 : 0;
    }

    /// <summary>Trims the list to the ids recorded.</summary>
    public readonly void Commit() => CollectionsMarshal.SetCount(touched, _count);
}
