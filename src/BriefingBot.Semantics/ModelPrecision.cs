namespace BriefingBot.Semantics;

/// <summary>How the bundled model's weight products run.</summary>
public enum ModelPrecision
{
    /// <summary>As bundled: 32-bit floats.</summary>
    Float,

    /// <summary>Every weight product in int8 (see <see cref="ModelQuantizer"/>).</summary>
    Int8,

    /// <summary>
    /// Int8 except each layer's feed-forward output product, which stays in float: its input is the GELU output, whose
    /// few large values one activation scale per run cannot hold without flattening the rest. Slower than
    /// <see cref="Int8"/> (a third of the products stay float) and closer to the float model.
    /// </summary>
    MixedInt8,
}

/// <summary>The one place a precision becomes part of a name: the model id (which keys cached vectors) and the model file.</summary>
internal static class ModelPrecisionNames
{
    public static string Suffix(this ModelPrecision precision) => precision switch
    {
        ModelPrecision.Float => string.Empty,
        ModelPrecision.Int8 => "-int8",
        _ => "-int8-mixed",
    };
}
