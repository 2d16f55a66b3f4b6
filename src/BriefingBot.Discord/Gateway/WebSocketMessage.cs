namespace BriefingBot.Discord.Gateway;

/// <summary>A whole received message, or the peer's close (<see cref="CloseCode"/> null when it gave none).</summary>
public sealed record WebSocketMessage(ReadOnlyMemory<byte> Data, bool IsClose = false, int? CloseCode = null, string? CloseReason = null)
{
    public static WebSocketMessage Closed(int? code, string? reason) => new(ReadOnlyMemory<byte>.Empty, true, code, reason);
}
