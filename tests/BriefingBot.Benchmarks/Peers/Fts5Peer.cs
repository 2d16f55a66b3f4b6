using System.Text;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Benchmarks.Peers;

/// <summary>
/// The peer a developer would reach for first: SQLite FTS5 with its built-in <c>bm25()</c>, in memory, over exactly
/// our sentences (rowid = our sentence id). FTS5's porter tokenizer stems; the query is our analysed, non-stop words
/// of the question, each quoted (FTS5 syntax escaped) and OR-ed, ranked by <c>bm25()</c>.
/// </summary>
public sealed class Fts5Peer : ISentencePeer
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _query;
    private readonly SqliteParameter _match;
    private readonly SqliteParameter _limit;

    public Fts5Peer(IReadOnlyList<string> sentences)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE s USING fts5(t, tokenize = 'porter unicode61 remove_diacritics 2');";
            create.ExecuteNonQuery();
        }

        using (var transaction = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO s(rowid, t) VALUES ($id, $t);";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var text = insert.Parameters.Add("$t", SqliteType.Text);
            for (var i = 0; i < sentences.Count; i++)
            {
                id.Value = i;
                text.Value = sentences[i];
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _query = _connection.CreateCommand();
        _query.CommandText = "SELECT rowid FROM s WHERE s MATCH $q ORDER BY bm25(s) LIMIT $k;";
        _match = _query.Parameters.Add("$q", SqliteType.Text);
        _limit = _query.Parameters.Add("$k", SqliteType.Integer);
    }

    /// <summary>Sentence ids of the <paramref name="k"/> best matches, best first.</summary>
    public IReadOnlyList<int> Search(string question, int k = 3)
    {
        var expression = MatchExpression(question);
        if (expression.Length == 0)
        {
            return [];
        }

        _match.Value = expression;
        _limit.Value = k;
        var ids = new List<int>(k);
        using var reader = _query.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>The question's content words (<see cref="ContentWords"/>) as an FTS5 OR query; each is a string literal with quotes doubled.</summary>
    public static string MatchExpression(string question)
    {
        var builder = new StringBuilder();
        foreach (var word in ContentWords.Of(question))
        {
            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }

    public void Dispose()
    {
        _query.Dispose();
        _connection.Dispose();
    }
}
