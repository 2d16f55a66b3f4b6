using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Translation;
using BriefingBot.Testing.Discord;

namespace BriefingBot.Discord.Tests.Translation;

public sealed class InteractionTranslatorTests
{
    private readonly InteractionTranslator _translator = new();

    [Fact]
    public void ToCommandRequest_SubcommandWithTypedOptions_FlattensToInvariantText()
    {
        var payload = DiscordPayloads.Command("digest", 32, DiscordPayloads.Subcommand(
            "subscribe",
            DiscordPayloads.Option("channel", 7, "710000000000000005"),
            DiscordPayloads.Option("hour", 4, 7),
            DiscordPayloads.Option("weight", 10, 0.5),
            DiscordPayloads.Option("public", 5, true)));

        var request = _translator.ToCommandRequest(Parse(payload));

        Assert.Equal("digest", request.Name);
        Assert.Equal("subscribe", request.Subcommand);
        Assert.Equal("710000000000000005", request.Options["channel"]);
        Assert.Equal("7", request.Options["hour"]);
        Assert.Equal("0.5", request.Options["weight"]);
        Assert.Equal("true", request.Options["public"]);
        Assert.Equal(CommandSource.SlashCommand, request.Source);
    }

    [Fact]
    public void ToCaller_GuildMember_ReadsPermissionsRolesNickAndLocale()
    {
        var payload = DiscordPayloads.Command("ask", (1UL << 5) | (1UL << 40));
        payload["member"]!["nick"] = "Ed";
        payload["member"]!["roles"] = new System.Text.Json.Nodes.JsonArray("730000000000000001", "730000000000000002");

        var caller = _translator.ToCaller(Parse(payload));

        Assert.Equal(DiscordPayloads.UserId, caller.UserId);
        Assert.Equal("Ed", caller.DisplayName);
        Assert.Equal(DiscordPayloads.GuildId, caller.GuildId);
        Assert.Equal(DiscordPayloads.ChannelId, caller.ChannelId);
        Assert.True(caller.Permissions.HasFlag(CallerPermissions.ManageGuild));
        Assert.Equal((CallerPermissions)((1UL << 5) | (1UL << 40)), caller.Permissions);
        Assert.Equal([730000000000000001UL, 730000000000000002UL], caller.RoleIds);
        Assert.Equal("en-GB", caller.Locale);
    }

    [Fact]
    public void ToCaller_DirectMessage_UsesUserAndNoPermissions()
    {
        var payload = DiscordPayloads.Command("ask");
        payload.Remove("member");
        payload.Remove("guild_id");
        payload["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "740000000000000001", ["username"] = "dm-user" };

        var caller = _translator.ToCaller(Parse(payload));

        Assert.Equal(740000000000000001UL, caller.UserId);
        Assert.Equal("dm-user", caller.DisplayName);
        Assert.Null(caller.GuildId);
        Assert.Equal(CallerPermissions.None, caller.Permissions);
        Assert.Empty(caller.RoleIds);
    }

    [Fact]
    public void ToAutocompleteRequest_FocusedOption_IsTheOneBeingTyped()
    {
        var payload = DiscordPayloads.Autocomplete(
            "summary",
            DiscordPayloads.Option("style", 3, "short"),
            DiscordPayloads.Option("article", 3, "harb", focused: true));

        var request = _translator.ToAutocompleteRequest(Parse(payload));

        Assert.Equal("article", request.FocusedOption);
        Assert.Equal("harb", request.TypedText);
        Assert.Equal("summary", request.Command.Name);
        Assert.Equal("short", request.Command.Options["style"]);
    }

    [Theory]
    [InlineData("ask|question=What%7Cnow%3D|page=2", true, "ask", "What|now=")]
    [InlineData("", false, null, null)]
    public void TryToComponentRequest_CustomId_DecodesTheEncodedCommand(string customId, bool expected, string? name, string? question)
    {
        var ok = _translator.TryToComponentRequest(Parse(DiscordPayloads.Button(customId)), out var request);

        Assert.Equal(expected, ok);
        if (expected)
        {
            Assert.Equal(name, request.Name);
            Assert.Equal(question, request.Options["question"]);
            Assert.Equal(CommandSource.Component, request.Source);
            Assert.Equal(DiscordPayloads.UserId, request.Caller.UserId);
        }
    }

    private static JsonInteraction Parse(System.Text.Json.Nodes.JsonNode payload) =>
        payload.Deserialize<JsonInteraction>(DiscordJson.Options)!;
}
