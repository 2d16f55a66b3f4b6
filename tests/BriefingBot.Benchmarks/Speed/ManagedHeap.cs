namespace BriefingBot.Benchmarks.Speed;

/// <summary>
/// Live managed bytes after a full, compacting collection. <c>GC.GetTotalMemory(true)</c> alone counts free space
/// left inside the heap after a large load (measured: a first BBC load "cost" 38.8 MB, an identical second one
/// 11.6 MB), so the large object heap is compacted too and fragmentation is subtracted.
/// </summary>
internal static class ManagedHeap
{
    public static long LiveBytes()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}
