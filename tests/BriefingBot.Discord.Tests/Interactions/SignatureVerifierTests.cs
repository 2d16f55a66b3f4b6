using System.Text;
using BriefingBot.Discord.Interactions;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Discord.Tests.Interactions;

/// <summary>libsodium's check (NSec) against signatures made by another implementation (BouncyCastle, in the signer).</summary>
public sealed class SignatureVerifierTests
{
    private const string Body = """{"type":1,"id":"42"}""";

    private readonly InteractionSigner _signer = new();

    [Fact]
    public void A_signature_over_timestamp_and_body_verifies()
    {
        var (signature, timestamp) = Sign(Body);

        Assert.True(new SignatureVerifier(_signer.PublicKeyHex).Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Any_changed_byte_of_body_timestamp_or_signature_fails()
    {
        var verifier = new SignatureVerifier(_signer.PublicKeyHex);
        var (signature, timestamp) = Sign(Body);
        var body = Encoding.UTF8.GetBytes(Body);

        for (var i = 0; i < body.Length; i++)
        {
            var changed = (byte[])body.Clone();
            changed[i] ^= 0x01;
            Assert.False(verifier.Verify(signature, timestamp, changed));
        }

        Assert.False(verifier.Verify(signature, (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), body));
        var flipped = (signature[0] == '0' ? "1" : "0") + signature[1..];
        Assert.False(verifier.Verify(flipped, timestamp, body));
        Assert.False(new SignatureVerifier(new InteractionSigner().PublicKeyHex).Verify(signature, timestamp, body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    public void A_missing_or_short_signature_fails(string? signature)
    {
        var (_, timestamp) = Sign(Body);

        Assert.False(new SignatureVerifier(_signer.PublicKeyHex).Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_signature_of_the_right_length_that_is_not_hex_fails_without_throwing()
    {
        var (_, timestamp) = Sign(Body);

        Assert.False(new SignatureVerifier(_signer.PublicKeyHex).Verify(new string('z', 128), timestamp, Encoding.UTF8.GetBytes(Body)));
        Assert.False(new SignatureVerifier(_signer.PublicKeyHex).Verify(Sign(Body).Signature, null, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00")]
    public void A_public_key_that_is_not_32_bytes_is_refused(string hex)
    {
        Assert.Throws<ArgumentException>(() => new SignatureVerifier(hex));
    }

    private (string Signature, string Timestamp) Sign(string json)
    {
        using var request = _signer.Sign(json);
        return (request.Headers.GetValues("X-Signature-Ed25519").Single(), request.Headers.GetValues("X-Signature-Timestamp").Single());
    }
}
