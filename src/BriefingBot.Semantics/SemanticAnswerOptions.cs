namespace BriefingBot.Semantics;

/// <summary>
/// Whether answers use meaning, and where sentence vectors are kept. Section <c>Answers</c>
/// (env <c>Answers__Semantic</c>, <c>Answers__VectorCache</c>).
/// </summary>
public sealed class SemanticAnswerOptions
{
    public const string SectionName = "Answers";

    /// <summary>Rank answers by meaning with the bundled model; off ranks with the lexical engine alone.</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>
    /// Run the model's weight products in int8: about 2.6 times faster per text on a plain CPU, for slightly fewer
    /// right answers (news dev top-1 0.539 against 0.544, one more seed question declined). Off (the default) runs
    /// the bundled float model. The two keep separate cached vectors.
    /// </summary>
    public bool QuantizedModel { get; set; }

    /// <summary>
    /// In the long-running bot, encode questions with a mostly-int8 copy of the model
    /// (<see cref="ModelPrecision.MixedInt8"/>) while sentences stay float: a question encodes in about half the time
    /// (1.96 against 3.67 ms), for the same news top-1, top-3 and seed answers and one more unanswerable dev question
    /// answered (of 40; WikiQA MAP 0.754 against 0.756). Loaded in the
    /// background after the float model; questions use the float model until then, and one-shot CLI calls always do
    /// (loading a second model would cost them more than it saves). Ignored when <see cref="QuantizedModel"/> is on.
    /// </summary>
    public bool QuantizedQuestions { get; set; } = true;

    /// <summary>
    /// Folder of the vector cache (and the extracted model), relative to the working directory or absolute. Empty: a
    /// <c>vectors</c> folder beside the state database, so the bot's data stays in one place.
    /// </summary>
    public string? VectorCache { get; set; }

    /// <summary>Sentences the background worker embeds per model call: large enough to batch well, small enough to stop quickly.</summary>
    public int BackgroundBatch { get; set; } = 64;

    /// <summary>How often the background worker looks for a newly published snapshot.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest gap between progress lines in the log (a line is also written every tenth of the work).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The cache folder when <see cref="VectorCache"/> is empty: <c>vectors</c> beside <paramref name="databasePath"/>.</summary>
    public static string DefaultCacheFolder(string? databasePath)
    {
        var database = string.IsNullOrWhiteSpace(databasePath) ? "data/briefingbot.db" : databasePath;
        return Path.Combine(Path.GetDirectoryName(database) ?? string.Empty, "vectors");
    }
}
