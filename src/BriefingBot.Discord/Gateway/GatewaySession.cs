namespace BriefingBot.Discord.Gateway;

/// <summary>
/// What survives a reconnect: the session to resume, where to resume it and the last sequence seen. Cleared when
/// Discord says the session is gone (op 9 false, 4007, 4009).
/// </summary>
public sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private int? _sequence;

    public string? SessionId { get; private set; }

    public string? ResumeGatewayUrl { get; private set; }

    /// <summary>The application id from READY; needed for command and webhook routes.</summary>
    public ulong ApplicationId { get; private set; }

    public int? Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    public bool CanResume => SessionId is not null && ResumeGatewayUrl is not null;

    internal void Start(string sessionId, string? resumeGatewayUrl, ulong applicationId)
    {
        SessionId = sessionId;
        ResumeGatewayUrl = resumeGatewayUrl;
        if (applicationId != 0)
        {
            ApplicationId = applicationId;
        }
    }

    internal void Observe(int sequence)
    {
        lock (_lock)
        {
            // Replays after a resume arrive in order, but never let a late duplicate move the counter backwards.
            if (_sequence is null || sequence > _sequence)
            {
                _sequence = sequence;
            }
        }
    }

    internal void Reset()
    {
        lock (_lock)
        {
            SessionId = null;
            ResumeGatewayUrl = null;
            _sequence = null;
        }
    }
}
