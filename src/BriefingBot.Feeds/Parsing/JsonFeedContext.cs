using System.Text.Json.Serialization;

namespace BriefingBot.Feeds.Parsing;

/// <summary>Source-generated JSON Feed reading: no reflection, and unknown fields are skipped.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32)]
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
