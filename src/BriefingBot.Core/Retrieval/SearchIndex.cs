using BriefingBot.Core.Articles;

namespace BriefingBot.Core.Retrieval;

/// <summary>PLACEHOLDER: the sentence index arrives with the answer engine.</summary>
public sealed class SearchIndex
{
    private SearchIndex(IReadOnlyList<Article> articles) => Articles = articles;

    public static SearchIndex Empty { get; } = new([]);

    public IReadOnlyList<Article> Articles { get; }

    public static SearchIndex Build(IReadOnlyList<Article> articles) => new(articles);
}
