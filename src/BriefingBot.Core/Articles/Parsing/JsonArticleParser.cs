using System.Globalization;
using System.Text.Json;

namespace BriefingBot.Core.Articles.Parsing;

/// <summary>
/// <c>.json</c>: one article object or an array of them. <c>.jsonl</c>/<c>.ndjson</c>: one article object per line,
/// blank lines ignored. A bad record or line is reported on its own; the others still load.
/// </summary>
internal sealed class JsonArticleParser : IArticleParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public IReadOnlyCollection<string> Extensions { get; } = [".json", ".jsonl", ".ndjson"];

    public ParsedFile Parse(DecodedFile file, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.RelativePath);
        return extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ParseDocument(file, cancellationToken)
            : ParseLines(file, cancellationToken);
    }

    private static ParsedFile ParseDocument(DecodedFile file, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ParsedFile.Failed(file.RelativePath, $"the file is not valid JSON: {Describe(ex)} (line {(ex.LineNumber ?? 0) + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return ParsedFile.Single(JsonRecordMapper.Map(root, file.RelativePath, file.Stem, LineBreakStyle.WrappedText));
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return ParsedFile.Failed(file.RelativePath, "the JSON must be an article object or an array of article objects");
            }

            var drafts = new List<ArticleDraft>();
            var problems = new List<LoadProblem>();
            var index = 0;
            foreach (var record in root.EnumerateArray())
            {
                index++;
                if (index % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var source = SourceOf(file, index);
                if (record.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new LoadProblem(source, $"item {index} of the array is not an article object"));
                    continue;
                }

                drafts.Add(JsonRecordMapper.Map(record, source, RecordIdBase(file, record, index), LineBreakStyle.WrappedText));
            }

            return new ParsedFile(drafts, problems);
        }
    }

    private static ParsedFile ParseLines(DecodedFile file, CancellationToken cancellationToken)
    {
        var lines = LineRanges(file.Text);

        // One record per line and no state between lines: a 21,578-line wire file parses on every core at once.
        var outcomes = new (ArticleDraft? Draft, LoadProblem? Problem)[lines.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, lines.Count, parallel, i => outcomes[i] = ParseLine(file, lines[i]));

        return new ParsedFile(
            outcomes.Select(o => o.Draft).OfType<ArticleDraft>().ToList(),
            outcomes.Select(o => o.Problem).OfType<LoadProblem>().ToList());
    }

    /// <summary>Non-blank lines as (1-based number, start, length); blank lines still count for the numbering.</summary>
    private static List<(int Number, int Start, int Length)> LineRanges(string text)
    {
        var ranges = new List<(int, int, int)>();
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOf('\n');
            var length = end < 0 ? text.Length - start : end;
            number++;
            if (!text.AsSpan(start, length).IsWhiteSpace())
            {
                ranges.Add((number, start, length));
            }

            start += length + 1;
        }

        return ranges;
    }

    private static (ArticleDraft?, LoadProblem?) ParseLine(DecodedFile file, (int Number, int Start, int Length) line)
    {
        var source = SourceOf(file, line.Number);
        try
        {
            using var document = JsonDocument.Parse(file.Text.AsMemory(line.Start, line.Length), DocumentOptions);
            var record = document.RootElement;
            return record.ValueKind == JsonValueKind.Object
                ? (JsonRecordMapper.Map(record, source, RecordIdBase(file, record, line.Number), LineBreakStyle.WrappedText), null)
                : (null, new LoadProblem(source, $"line {line.Number} is not an article object"));
        }
        catch (JsonException ex)
        {
            return (null, new LoadProblem(source, $"line {line.Number} is not valid JSON: {Describe(ex)}"));
        }
    }

    private static string SourceOf(DecodedFile file, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.RelativePath}#{position}");

    /// <summary><c>stem-recordid</c> when the record names itself, else <c>stem-position</c> (1-based line or index).</summary>
    private static string RecordIdBase(DecodedFile file, JsonElement record, int position) =>
        JsonRecordMapper.RecordId(record) is { } id
            ? $"{file.Stem}-{id}"
            : string.Create(CultureInfo.InvariantCulture, $"{file.Stem}-{position}");

    /// <summary>System.Text.Json appends zero-based positions to its messages; we report one-based lines ourselves.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
    }
}
