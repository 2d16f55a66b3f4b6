using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Settings of section <c>Interactions</c>: how much command work may run and wait at once. The bounds keep an
/// overloaded bot answering "busy" quickly instead of queueing work it can never finish in time.
/// </summary>
public sealed class InteractionQueueOptions
{
    public const string SectionName = "Interactions";

    /// <summary>Dedicated worker threads running command handlers; 0 means one per processor.</summary>
    [Range(0, 64)]
    public int Workers { get; set; }

    /// <summary>Interactions allowed to wait for a worker; beyond this, new ones are answered "busy, try again".</summary>
    [Range(1, 100_000)]
    public int Capacity { get; set; } = 512;

    /// <summary>The worker count after resolving 0 to the processor count.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
