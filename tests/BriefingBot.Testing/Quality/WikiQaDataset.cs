namespace BriefingBot.Testing.Quality;

/// <summary>Reads the official WikiQA TSV (QuestionID, Question, DocumentID, DocumentTitle, SentenceID, Sentence, Label).</summary>
public static class WikiQaDataset
{
    public const string TestFileName = "wikiqa-test.tsv";

    /// <summary>The development split: tune on it, report on the test split.</summary>
    public const string DevFileName = "wikiqa-dev.tsv";

    public static IReadOnlyList<WikiQaQuestion> Load(string path)
    {
        var questions = new List<WikiQaQuestion>();
        string? currentId = null;
        string question = string.Empty, title = string.Empty;
        var candidates = new List<WikiQaCandidate>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length < 7)
            {
                continue;
            }

            if (fields[0] != currentId)
            {
                Flush();
                currentId = fields[0];
                question = fields[1];
                title = fields[3];
            }

            candidates.Add(new WikiQaCandidate(fields[5], fields[6].Trim() == "1"));
        }

        Flush();
        return questions;

        void Flush()
        {
            if (currentId is not null && candidates.Count > 0)
            {
                questions.Add(new WikiQaQuestion(currentId, question, title, [.. candidates]));
            }

            candidates.Clear();
        }
    }
}
