using System.Text.Json.Serialization;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Source-generated JSON for the few list columns (tags) the state database keeps as text.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
