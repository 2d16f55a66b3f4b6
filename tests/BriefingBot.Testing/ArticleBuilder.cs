using System.Security.Cryptography;
using System.Text;
using BriefingBot.Core.Articles;

namespace BriefingBot.Testing;

/// <summary>Builds articles for tests with sensible defaults; set only what a test cares about.</summary>
public sealed class ArticleBuilder
{
    private string _id = "article-1";
    private string _title = "A title";
    private string _body = "A body sentence.";
    private string? _url;
    private string? _outlet;
    private DateTimeOffset? _published;

    /// <summary>
    /// A small dated story with a link, as digest, scheduler and reload tests need: "Story {id}" with a two-sentence
    /// body that names it, unless <paramref name="title"/> or <paramref name="body"/> say otherwise.
    /// </summary>
    public static Article Dated(string id, DateTimeOffset published, string? title = null, string? body = null) =>
        new ArticleBuilder()
            .WithId(id)
            .WithTitle(title ?? $"Story {id}")
            .WithBody(body ?? $"Something happened in story {id}. More detail followed later that day.")
            .WithUrl($"https://news.example/{id}")
            .PublishedAt(published)
            .Build();

    public ArticleBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public ArticleBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public ArticleBuilder WithBody(params string[] paragraphs)
    {
        _body = string.Join("\n\n", paragraphs);
        return this;
    }

    public ArticleBuilder WithUrl(string url)
    {
        _url = url;
        return this;
    }

    public ArticleBuilder WithOutlet(string outlet)
    {
        _outlet = outlet;
        return this;
    }

    public ArticleBuilder PublishedAt(DateTimeOffset published)
    {
        _published = published;
        return this;
    }

    public Article Build() => new()
    {
        Id = _id,
        Title = _title,
        Body = _body,
        SourceUrl = _url,
        Outlet = _outlet,
        PublishedAt = _published,
        SourcePath = _id + ".txt",
        ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_title + "\n" + _body))),
        WordCount = _body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length,
    };
}
