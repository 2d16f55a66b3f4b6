using BriefingBot.Commands.Rendering;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>/digest: today's digest on request: the latest stories, one line of summary each, duplicates grouped.</summary>
public sealed class DigestHandler(IArticleStore store, DigestBuilder builder, TimeProvider timeProvider) : ICommandHandler
{
    public const int DefaultItems = 10;

    public CommandDefinition Definition { get; } = new("digest", "Show a digest of the latest articles");

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = store.Current;
        if (snapshot.Articles.Count == 0)
        {
            return Task.FromResult(CommonReplies.NoArticles());
        }

        var edition = builder.Build(snapshot, new DigestQuery { MaxItems = DefaultItems }, timeProvider.GetUtcNow(), cancellationToken);
        return Task.FromResult(DigestReplyRenderer.Render(edition, "Today's digest"));
    }
}
