using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace BriefingBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp + raw body</c> with the application's public key.
/// The key is parsed once; a signer is made per call because BouncyCastle's signer keeps state.
/// </summary>
public sealed class SignatureVerifier
{
    private const int SignatureBytes = 64;
    private readonly Ed25519PublicKeyParameters _publicKey;

    /// <param name="publicKeyHex">The 64 hex characters from the application's General Information page.</param>
    public SignatureVerifier(string publicKeyHex)
    {
        var key = Convert.FromHexString(publicKeyHex);
        if (key.Length != Ed25519PublicKeyParameters.KeySize)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes (64 hex characters).", nameof(publicKeyHex));
        }

        _publicKey = new Ed25519PublicKeyParameters(key, 0);
    }

    public bool Verify(string? signatureHex, string? timestamp, byte[] body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != SignatureBytes * 2)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetBytes(timestamp);
        var signer = new Ed25519Signer();
        signer.Init(false, _publicKey);
        signer.BlockUpdate(prefix, 0, prefix.Length);
        signer.BlockUpdate(body, 0, body.Length);
        return signer.VerifySignature(signature);
    }
}
