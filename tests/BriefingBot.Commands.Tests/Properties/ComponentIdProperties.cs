using BriefingBot.Commands.Access;
using BriefingBot.Commands.Components;
using BriefingBot.Commands.Replies;
using BriefingBot.Testing;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace BriefingBot.Commands.Tests.Properties;

/// <summary>Custom ids round-trip whatever the values hold, never exceed 100 characters, and malformed ones are refused.</summary>
public sealed class ComponentIdProperties
{
    private static readonly CommandCaller Member = new(7, "member") { GuildId = 1 };

    private static readonly Gen<string> Command = Gen.Char["abcdefghijklmnopqrstuvwxyz-"].Array[1, 16].Select(chars => new string(chars)).Where(c => c[0] != '-');

    private static readonly Gen<string> Name = Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 8].Select(chars => new string(chars));

    /// <summary>Values are user text: any character, including the codec's own '|', '=' and '%'.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(Gen.String[0, 30], Gen.Char["|=%7C3D25ab"].Array[0, 12].Select(chars => new string(chars)));

    private static readonly Gen<(string Command, KeyValuePair<string, string>[] Options)> State =
        Gen.Select(Command, Gen.Select(Name, Value, (n, v) => new KeyValuePair<string, string>(n, v)).Array[0, 5], (c, o) =>
            (c, o.Where(kv => kv.Key != "_sub").DistinctBy(kv => kv.Key).ToArray()));

    [Fact]
    public void EncodeThenDecode_GivesBackTheCommandAndEveryValue() => PropertyCheck.Run(State, state =>
    {
        var id = ComponentId.TryEncode(state.Command, state.Options);
        if (id is null)
        {
            return; // too long for a button: the handler leaves the button out
        }

        Assert.True(ComponentId.TryDecode(id, Member, out var request));
        Assert.Equal(state.Command, request.Name);
        Assert.Equal(state.Options.OrderBy(kv => kv.Key, StringComparer.Ordinal), request.Options.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(CommandSource.Component, request.Source);
    });

    [Fact]
    public void Encode_NeverReturnsMoreThanDiscordAllows() => PropertyCheck.Run(State, state =>
    {
        var id = ComponentId.TryEncode(state.Command, state.Options);

        Assert.True(id is null || id.Length <= ReplyLimits.CustomId);
    });

    [Fact]
    public void Decode_RefusesAnOptionWithoutItsEqualsSign() => PropertyCheck.Run(Gen.Select(State, Gen.Int[0, 4]), input =>
    {
        var ((command, options), pick) = input;
        var id = ComponentId.TryEncode(command, options);
        if (id is null || options.Length == 0)
        {
            return;
        }

        var parts = id.Split('|');
        var broken = 1 + (pick % options.Length);
        parts[broken] = parts[broken].Replace("=", "", StringComparison.Ordinal);

        Assert.False(ComponentId.TryDecode(string.Join('|', parts), Member, out _));
    });

    [Fact]
    public void Decode_RefusesIdsLongerThanDiscordAllowsOrWithoutACommand() => PropertyCheck.Run(State, state =>
    {
        var id = ComponentId.TryEncode(state.Command, state.Options) ?? state.Command;

        Assert.False(ComponentId.TryDecode(id + new string('x', ReplyLimits.CustomId + 1 - id.Length), Member, out _));
        Assert.False(ComponentId.TryDecode("|" + string.Join('|', state.Options.Select(o => o.Key + "=x")), Member, out _));
    });

    [Fact]
    public async Task AForgedModeratorButton_IsRefusedForAMember()
    {
        var reload = new Mock<ICommandHandler>();
        reload.SetupGet(h => h.Definition).Returns(new CommandDefinition("reload", "Reload") { ModeratorOnly = true });
        reload.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Reply.Text("reloaded"));
        var dispatcher = new CommandDispatcher(new CommandCatalog([reload.Object]), new ModeratorPolicy(Options.Create(new ModerationOptions())), NullLogger<CommandDispatcher>.Instance);
        var forged = Gen.Select(Name, Value, (n, v) => ComponentId.TryEncode("reload", [new(n, v)]) ?? "reload");
        var ids = new List<string>();
        PropertyCheck.Run(forged, ids.Add, cases: 50);

        foreach (var id in ids)
        {
            Assert.True(ComponentId.TryDecode(id, Member, out var request));
            Assert.Equal(ReplyKind.Refused, (await dispatcher.DispatchAsync(request, CancellationToken.None)).Kind);
        }

        reload.Verify(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
