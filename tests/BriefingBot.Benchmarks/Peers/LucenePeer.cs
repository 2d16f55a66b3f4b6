using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BriefingBot.Benchmarks.Peers;

/// <summary>
/// The peer a C# developer would pick: Lucene.Net 4.8 with one document per sentence (our sentence id stored, the text
/// analysed by <see cref="EnglishAnalyzer"/>: standard tokenizer, possessives, lower case, English stop words, Porter
/// stems) and <see cref="BM25Similarity"/> at its defaults (k1 1.2, b 0.75) on both the writer (norms) and the
/// searcher (scores). The query is the same content words FTS5 gets (<see cref="ContentWords"/>), each run through the
/// same analyser so its stem meets the indexed ones, as SHOULD term clauses of one <see cref="BooleanQuery"/>.
/// </summary>
/// <remarks>
/// The index lives in a <see cref="RAMDirectory"/>, not an <c>MMapDirectory</c> in a temp folder: FTS5 and our engine
/// are timed from memory, so Lucene is too, with nothing left on disk if a run is killed and no first-query page faults
/// in its latency. Lucene's warning against RAMDirectory is about multi-gigabyte indexes (GC work over many small
/// buffers); the 100k-article corpus indexes to well under that. Nothing here knows about any dataset: a caller hands
/// over any list of sentences and gets back positions in that list.
/// </remarks>
public sealed class LucenePeer : ISentencePeer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdFieldName = "id";
    private const string TextFieldName = "text";

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LucenePeer(IReadOnlyList<string> sentences)
    {
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),

            // A large buffer flushes the 10k corpus as one segment and the 100k one as a few, so the searcher is not
            // timed over dozens of small segments; no force-merge, as a developer indexing once would not bother.
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            // One reused document with mutable fields is Lucene's own advice for bulk indexing.
            var id = new StoredField(IdFieldName, 0);
            var text = new TextField(TextFieldName, string.Empty, Field.Store.NO);
            var document = new Document { id, text };
            for (var i = 0; i < sentences.Count; i++)
            {
                id.SetInt32Value(i);
                text.SetStringValue(sentences[i]);
                writer.AddDocument(document);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Sentence ids (positions in the constructor's list) of the <paramref name="k"/> best matches, best first; earlier sentence on ties.</summary>
    public IReadOnlyList<int> Search(string question, int k = 3)
    {
        var query = BuildQuery(question);
        if (query.Clauses.Count == 0 || k <= 0)
        {
            return [];
        }

        var top = _searcher.Search(query, k);
        var ids = new List<int>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            ids.Add(_searcher.Doc(hit.Doc).GetField(IdFieldName).GetInt32Value()
                ?? throw new InvalidOperationException($"document {hit.Doc} has no stored '{IdFieldName}'"));
        }

        return ids;
    }

    /// <summary>
    /// The content words as SHOULD term clauses, analysed as the sentences were: a word the English stop list drops
    /// adds nothing, and one that splits ("e-mail") adds each part; each term once.
    /// </summary>
    private BooleanQuery BuildQuery(string question)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ContentWords.Of(question))
        {
            using var stream = _analyzer.GetTokenStream(TextFieldName, word);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var text = term.ToString();
                if (seen.Add(text))
                {
                    query.Add(new TermQuery(new Term(TextFieldName, text)), Occur.SHOULD);
                }
            }

            stream.End();
        }

        return query;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
