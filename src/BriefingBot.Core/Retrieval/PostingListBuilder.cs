namespace BriefingBot.Core.Retrieval;

/// <summary>Grows one posting list during an index build; ids must arrive in ascending order.</summary>
internal sealed class PostingListBuilder
{
    private int[] _ids = new int[4];
    private byte[] _frequencies = new byte[4];
    private int _count;

    public int Count => _count;

    public void Add(int id, int frequency)
    {
        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, _count * 2);
            Array.Resize(ref _frequencies, _count * 2);
        }

        _ids[_count] = id;
        _frequencies[_count] = (byte)Math.Min(frequency, byte.MaxValue);
        _count++;
    }

    public PostingList Build() => _count == 0 ? PostingList.Empty : new PostingList(_ids[.._count], _frequencies[.._count]);
}
