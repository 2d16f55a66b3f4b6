using BriefingBot.Core.Text;

namespace BriefingBot.Core.Quotes;

/// <summary>A quotation found in an article, and who said it.</summary>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Text">The quoted words without the quote marks, as written.</param>
/// <param name="Speaker">
/// Who said it, as the article names them ("the defector", "John Smith", "the letter"); a pronoun is replaced by the
/// speaker it most likely refers to. Null when the article does not say.
/// </param>
/// <param name="Span">Where <paramref name="Text"/> stands in <see cref="Articles.Article.Body"/>.</param>
/// <param name="SentenceSpan">The sentence or sentences holding the quotation and its attribution, in the body.</param>
/// <param name="ParagraphIndex">The paragraph (0-based, as in <see cref="Articles.Article.Paragraphs"/>).</param>
/// <param name="IsFragment">
/// True for a few words in quote marks inside the writer's own sentence (scare quotes such as “tricked”): not speech.
/// </param>
public sealed record Quote(
    string ArticleId,
    string Text,
    string? Speaker,
    TextSpan Span,
    TextSpan SentenceSpan,
    int ParagraphIndex,
    bool IsFragment);
