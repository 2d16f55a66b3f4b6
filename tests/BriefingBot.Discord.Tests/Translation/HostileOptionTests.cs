using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Commands;
using BriefingBot.Commands.Access;
using BriefingBot.Commands.Handlers;
using BriefingBot.Commands.Replies;
using BriefingBot.Core;
using BriefingBot.Core.Store;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests.Translation;

/// <summary>
/// Typed nonsense in every free-text option, through the real translator, dispatcher, handlers (over the seed
/// articles) and renderer: the reply never pings, never carries the user's formatting or invisible characters,
/// never repeats unbounded input, and stays inside every Discord limit.
/// </summary>
public sealed partial class HostileOptionTests : IAsyncLifetime
{
    private static readonly (string Command, string Option)[] TextOptions =
    [
        ("ask", "question"), ("search", "query"), ("summary", "article"), ("quote", "about"), ("quote", "by"),
    ];

    private static readonly Dictionary<string, string> Inputs = new(StringComparer.Ordinal)
    {
        ["empty"] = "",
        ["whitespace"] = " \t\n  \u00A0 ",
        ["6000 characters"] = string.Concat(Enumerable.Repeat("harbour ", 750)),
        ["6000 without spaces"] = new string('x', 6000),
        ["control"] = "summit\u0000\u0007\u001b[31m red\u0008\r\nnext",
        ["zero-width"] = "sum\u200Bmit\u200C \u200Dtalks\u2060\uFEFF",
        ["right-to-left override"] = "summit \u202Etxt.exe\u202C \u2067isolate\u2069 \u200Fmark",
        ["zalgo"] = "s" + new string('\u0336', 60) + "u" + string.Concat(Enumerable.Repeat("\u0301\u0308\u0327", 30)) + "mmit",
        ["code fence"] = "```cs\nSystem.Exit(1);\n``` and `inline`",
        ["markdown"] = "**summit** __under__ ~~gone~~ ||spoiler|| *it* > quote # head",
        ["mentions"] = "@everyone @here <@123456789012345678> <@!123> <@&456> <#789> </ask:1> <t:1700000000:R>",
        ["urls"] = "https://evil.example/x?y=1 [summit](https://evil.example) <https://evil.example>",
        ["emoji"] = "😀👍🏽🇬🇧 summit 👨‍👩‍👧",
        ["heading on its own line"] = "# summit\n> quoted\n-# small",
    };

    private FakeDiscordServer _server = null!;
    private DiscordTestHost _host = null!;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (command, option) in TextOptions)
        {
            foreach (var name in Inputs.Keys)
            {
                data.Add(command, option, name);
            }
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        _host = DiscordTestHost.Create(_server, commands: AddRealCommands);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HandleAsync_HostileOptionValue_ReplyIsSafeAndWithinLimits(string command, string option, string inputName)
    {
        var input = Inputs[inputName];
        var interaction = DiscordPayloads.Command(command, 0, DiscordPayloads.Option(option, 3, input));
        var responder = new CapturingResponder();

        await _host.Interactions.HandleAsync(
            JsonSerializer.Deserialize<JsonInteraction>(interaction.ToJsonString(), DiscordJson.Options)!, responder, CancellationToken.None);
        var response = await responder.Response.WaitAsync(DiscordTestHost.Timeout);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<JsonMessageContent>(response.Data);
        AssertNeverPings(message);
        AssertWithinLimits(message);
        var text = MessageText.Visible(message);
        AssertNoInvisibleOrControlCharacters(text);
        AssertNoUserFormatting(text);
        AssertNoZalgo(text);
        AssertEchoIsBounded(input, text);
    }

    private static void AddRealCommands(IServiceCollection services)
    {
        services.AddBriefingCore();
        var store = new ArticleStore();
        store.Publish(new ArticleSnapshot(SeedCorpus.Index, [], DateTimeOffset.UnixEpoch, 1));
        services.AddSingleton<IArticleStore>(store);
        services.AddSingleton<ICommandHandler, Commands.Handlers.AskHandler>();
        services.AddSingleton<ICommandHandler, SearchHandler>();
        services.AddSingleton<ICommandHandler, Commands.Handlers.SummaryHandler>();
        services.AddSingleton<ICommandHandler, QuoteHandler>();
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton(new ModeratorPolicy(Options.Create(new ModerationOptions())));
        services.AddSingleton<CommandDispatcher>();
    }

    private static void AssertNeverPings(JsonMessageContent message)
    {
        Assert.NotNull(message.AllowedMentions);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    private static void AssertWithinLimits(JsonMessageContent message)
    {
        Assert.InRange(message.Content?.Length ?? 0, 0, ReplyLimits.Content);
        var embeds = message.Embeds ?? [];
        Assert.InRange(embeds.Count, 0, ReplyLimits.EmbedsPerMessage);
        Assert.True((message.Content?.Length ?? 0) > 0 || embeds.Count > 0, "the reply is empty");
        var total = 0;
        foreach (var embed in embeds)
        {
            Assert.InRange(embed.Title?.Length ?? 0, 0, ReplyLimits.EmbedTitle);
            Assert.InRange(embed.Description?.Length ?? 0, 0, ReplyLimits.EmbedDescription);
            Assert.InRange(embed.Footer?.Text.Length ?? 0, 0, ReplyLimits.Footer);
            var fields = embed.Fields ?? [];
            Assert.InRange(fields.Count, 0, ReplyLimits.FieldsPerEmbed);
            Assert.All(fields, f => Assert.InRange(f.Name.Length, 1, ReplyLimits.FieldName));
            Assert.All(fields, f => Assert.InRange(f.Value.Length, 1, ReplyLimits.FieldValue));
            total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
                + (embed.Author?.Name.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
        }

        Assert.InRange(total, 0, ReplyLimits.TotalEmbedCharacters);
    }

    private static void AssertNoInvisibleOrControlCharacters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var allowed = rune.Value is '\n' or 0x200B; // line breaks, and the zero-width space that breaks mentions
            Assert.True(allowed || (category is not (UnicodeCategory.Control or UnicodeCategory.Format)), $"U+{rune.Value:X4} in the reply");
        }
    }

    private static void AssertNoUserFormatting(string text)
    {
        Assert.DoesNotMatch(PingingText(), text);
        Assert.DoesNotContain("```", text, StringComparison.Ordinal);
        Assert.DoesNotContain("||spoiler", text, StringComparison.Ordinal);
        Assert.DoesNotContain("~~gone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("__under", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**summit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[summit](", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(LineStartMarkup(), text);
    }

    private static void AssertNoZalgo(string text)
    {
        var marks = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            marks = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? marks + 1 : 0;
            Assert.InRange(marks, 0, 3);
        }
    }

    /// <summary>No stretch of the typed text longer than an echo may be shows up in the reply.</summary>
    private static void AssertEchoIsBounded(string input, string text)
    {
        const int window = MarkdownText.DefaultEchoLength + 20;
        for (var start = 0; start + window <= input.Length; start += window)
        {
            Assert.DoesNotContain(input.Substring(start, window), text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"@(everyone|here)|<[@#/]|<t:")]
    private static partial Regex PingingText();

    [GeneratedRegex(@"^[ \t]*(>|#|-#) ?(quote|head|summit|small)", RegexOptions.Multiline)]
    private static partial Regex LineStartMarkup();
}
