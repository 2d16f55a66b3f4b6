using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Discord.Models;

/// <summary>The optional form of <see cref="SnowflakeConverter"/> (guild_id is absent in DMs).</summary>
public sealed class NullableSnowflakeConverter : JsonConverter<ulong?>
{
    private readonly SnowflakeConverter _inner = new();

    public override bool HandleNull => true;

    public override ulong? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : _inner.Read(ref reader, typeof(ulong), options);

    public override void Write(Utf8JsonWriter writer, ulong? value, JsonSerializerOptions options)
    {
        if (value is { } id)
        {
            _inner.Write(writer, id, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
