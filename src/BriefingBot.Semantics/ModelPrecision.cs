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
