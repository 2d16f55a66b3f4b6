using System.Text.Json;
using BriefingBot.Commands;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Discord.Translation;
using BriefingBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Discord.Tests.Translation;

public sealed class CommandRegistrarTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeDiscordServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void BuildCommands_Global_MapsOptionsSubcommandsAndModeratorPermissions()
    {
        var commands = CommandRegistrar.BuildCommands(Catalog().Definitions, global: true);

        var json = JsonSerializer.SerializeToNode(commands, DiscordJson.Options)!.AsArray();
        var ask = json.Single(c => c!["name"]!.GetValue<string>() == "ask")!;
        Assert.Null(ask["default_member_permissions"]);
        Assert.Null(ask["contexts"]);
        Assert.Equal(3, ask["options"]![0]!["type"]!.GetValue<int>());
        Assert.True(ask["options"]![0]!["required"]!.GetValue<bool>());
        Assert.Equal(300, ask["options"]![0]!["max_length"]!.GetValue<int>());
        var summary = json.Single(c => c!["name"]!.GetValue<string>() == "summary")!;
        Assert.True(summary["options"]![0]!["autocomplete"]!.GetValue<bool>());
        var digest = json.Single(c => c!["name"]!.GetValue<string>() == "digest")!;
        Assert.Equal("32", digest["default_member_permissions"]!.GetValue<string>());
        Assert.Equal([0], digest["contexts"]!.AsArray().Select(c => c!.GetValue<int>()));
        var subscribe = digest["options"]![0]!;
        Assert.Equal(1, subscribe["type"]!.GetValue<int>());
        Assert.Null(subscribe["required"]);
        Assert.Equal(7, subscribe["options"]![0]!["type"]!.GetValue<int>());
        Assert.Equal(23, subscribe["options"]![1]!["max_value"]!.GetValue<int>());
        Assert.Equal("short", subscribe["options"]![2]!["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void BuildCommands_Guild_LeavesOutGlobalOnlyContexts()
    {
        var commands = CommandRegistrar.BuildCommands(Catalog().Definitions, global: false);

        Assert.All(commands, c => Assert.Null(c.Contexts));
        Assert.Equal("32", commands.Single(c => c.Name == "reload").DefaultMemberPermissions);
    }

    [Fact]
    public void AreEquivalent_DiscordEchoWithExtraFields_IsEquivalent()
    {
        var desired = CommandRegistrar.BuildCommands(Catalog().Definitions, global: false);
        var echoed = JsonSerializer.SerializeToNode(desired, DiscordJson.Options)!.AsArray();
        foreach (var command in echoed)
        {
            command!["id"] = "1";
            command["version"] = "2";
            command["application_id"] = "3";
            command["nsfw"] = false;
            command["integration_types"] = new System.Text.Json.Nodes.JsonArray(0);
            command["contexts"] = null;
            foreach (var option in command["options"]?.AsArray() ?? [])
            {
                option!["required"] ??= false;
                option["name_localizations"] = null;
            }
        }

        var existing = echoed.Reverse().Select(n => n.Deserialize<JsonApplicationCommand>(DiscordJson.Options)!).ToArray();

        Assert.True(CommandRegistrar.AreEquivalent(desired, existing));
        Assert.False(CommandRegistrar.AreEquivalent(desired, existing.Skip(1).ToArray()));
        Assert.False(CommandRegistrar.AreEquivalent(desired, existing.Select(c => c.Name == "ask" ? c with { Description = "old" } : c).ToArray()));
        Assert.False(CommandRegistrar.AreEquivalent(desired, existing.Select(c => c.Name == "reload" ? c with { DefaultMemberPermissions = null } : c).ToArray()));
    }

    [Fact]
    public async Task RegisterAsync_SecondStartWithSameCommands_DoesNotPutAgain()
    {
        await using var host = DiscordTestHost.Create(_server, s => s["Discord:GuildIds:0"] = "700000000000000001");
        var registrar = host.Services.GetRequiredService<CommandRegistrar>();

        var first = await registrar.RegisterAsync(FakeDiscordServer.ApplicationId, CancellationToken.None);
        var second = await registrar.RegisterAsync(FakeDiscordServer.ApplicationId, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var put = Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{FakeDiscordServer.ApplicationId}/guilds/700000000000000001/commands", put.Path);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task RegisterAsync_NoGuildsAndChangedCommands_PutsGlobally()
    {
        _server.SetCommands("global", """[{"id":"1","name":"ask","description":"An older description","type":1}]""");
        await using var host = DiscordTestHost.Create(_server);

        var updated = await host.Services.GetRequiredService<CommandRegistrar>().RegisterAsync(FakeDiscordServer.ApplicationId, CancellationToken.None);

        Assert.Equal(1, updated);
        var put = Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{FakeDiscordServer.ApplicationId}/commands", put.Path);
        Assert.Equal(5, put.Json!.AsArray().Count);
    }

    private static CommandCatalog Catalog() =>
        new([new StubAskHandler(), new StubSummaryHandler(), new StubReloadHandler(), new StubDigestHandler(), new SlowHandler()]);
}
