using BriefingBot.Core.Semantics;

namespace BriefingBot.Semantics.Tests.Support;

/// <summary>Hands the host a prepared embedder (and question encoder), or fails the way a broken model install would.</summary>
public sealed class FakeLoader(Func<ITextEmbedder> create, Func<ITextEmbedder?>? createQuestionEncoder = null) : IEmbedderLoader
{
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public ITextEmbedder Load(string cacheFolder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        return create();
    }

    public ITextEmbedder? LoadQuestionEncoder(string cacheFolder, CancellationToken cancellationToken) => createQuestionEncoder?.Invoke();
}
