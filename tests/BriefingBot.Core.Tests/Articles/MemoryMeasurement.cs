namespace BriefingBot.Core.Tests.Articles;

/// <summary>
/// Tests that measure the whole managed heap run in this collection, alone and after the parallel ones: another
/// test allocating meanwhile would be counted as theirs.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
