using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Commands.Scheduling;
using NodaTime;

namespace BriefingBot.Commands.Tests.Results;

public sealed class CommandResultJsonTests
{
    // How --json was written before the contract was generated: by reflection over whatever Data held.
    private static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void ScheduleList_WritesWhatReflectionWrote()
    {
        // The one result with third-party types inside (NodaTime's LocalTime and DateTimeZone).
        var schedule = new DailyPostTime(new LocalTime(8, 30), DateTimeZoneProviders.Tzdb["Europe/London"]);
        var subscriptions = new[]
        {
            new DigestSubscription(1, 2, schedule) { Id = 7, WebhookUrl = "webhook 123", LastPostedAt = DateTimeOffset.UnixEpoch, ChangedBy = "mod" },
            new DigestSubscription(1, 3, schedule) { DisabledReason = "channel deleted" },
        };

        Assert.Equal(
            JsonSerializer.Serialize(subscriptions, Reflection),
            CommandResultJson.Serialize(new Reply { Data = subscriptions }));
    }

    [Fact]
    public void NotASuccess_IsWrappedWithItsKindAndMessage()
    {
        var json = CommandResultJson.Serialize(Reply.Problem("Please give question."));

        Assert.Equal("{\n  \"kind\": \"problem\",\n  \"message\": \"Please give question.\"\n}", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ResultTypeOutsideTheContract_FailsInsteadOfGuessing()
    {
        Assert.ThrowsAny<NotSupportedException>(() => CommandResultJson.Serialize(new Reply { Data = new { unexpected = true } }));
    }
}
