using System.Text.Json.Serialization;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Core.Answers;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using BriefingBot.Feeds.Polling;

namespace BriefingBot.Commands.Results;

/// <summary>
/// Every type a command may put in <see cref="Replies.Reply.Data"/>: the <c>--json</c> contract. Serialisation code
/// is generated at build time, and a result type missing here fails loudly instead of being written by reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnswerResult))]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(Summary))]
[JsonSerializable(typeof(QuotationResult[]))]
[JsonSerializable(typeof(ArticleListResult))]
[JsonSerializable(typeof(DigestEdition))]
[JsonSerializable(typeof(DigestSubscription[]))]
[JsonSerializable(typeof(ReloadReport))]
[JsonSerializable(typeof(CommandUsage[]))]
[JsonSerializable(typeof(ProblemResult))]
[JsonSerializable(typeof(SourceView))]
[JsonSerializable(typeof(SourceView[]))]
[JsonSerializable(typeof(PollResult[]))]
internal sealed partial class CommandResultJsonContext : JsonSerializerContext;
