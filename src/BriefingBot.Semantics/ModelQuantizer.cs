using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace BriefingBot.Semantics;

/// <summary>
/// Makes the int8 model from the bundled float model: every matrix product with a weight matrix becomes ONNX Runtime's
/// <c>DynamicQuantizeMatMul</c>, with the weights stored as signed 8-bit integers and one scale per output column
/// (symmetric, zero point 0); the activations are quantised on the fly. The transformer's weights are nearly all in
/// those products, so a question encodes about 2.6 times faster on this CPU, and the vectors stay within a cosine of
/// about 0.99 of the float model's. Deterministic: the same input gives the same bytes. With
/// <c>keepFeedForwardOutputs</c> the products that narrow (1,536 inputs to 384 outputs, after GELU) stay float; see
/// <see cref="ModelPrecision.MixedInt8"/>.
/// </summary>
internal static class ModelQuantizer
{
    private const string ContribDomain = "com.microsoft";

    public static byte[] Quantize(byte[] floatModel, bool keepFeedForwardOutputs = false)
    {
        var model = ModelProto.Parser.ParseFrom(floatModel);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var replaced = new List<TensorProto>();
        var nodes = new List<NodeProto>(graph.Node.Count);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "MatMul" && node.Input.Count == 2 && initializers.TryGetValue(node.Input[1], out var weights) && IsFloatMatrix(weights)
                && !(keepFeedForwardOutputs && weights.Dims[0] > weights.Dims[1]))
            {
                nodes.Add(QuantizedProduct(node, weights, graph));
                replaced.Add(weights);
            }
            else
            {
                nodes.Add(node);
            }
        }

        if (replaced.Count == 0)
        {
            throw new InvalidOperationException("The model has no weight matrix products to quantise.");
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        foreach (var weights in replaced.Where(w => !nodes.Any(n => n.Input.Contains(w.Name))))
        {
            graph.Initializer.Remove(weights);
        }

        if (!model.OpsetImport.Any(o => o.Domain == ContribDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = ContribDomain, Version = 1 });
        }

        return model.ToByteArray();
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.DataType == (int)TensorProto.Types.DataType.Float && tensor.Dims.Count == 2;

    private static NodeProto QuantizedProduct(NodeProto product, TensorProto weights, GraphProto graph)
    {
        var values = weights.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(weights.RawData.Span).ToArray() : weights.FloatData.ToArray();
        int rows = checked((int)weights.Dims[0]), columns = checked((int)weights.Dims[1]);
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var largest = 0f;
            for (var r = 0; r < rows; r++)
            {
                largest = Math.Max(largest, Math.Abs(values[(r * columns) + c]));
            }

            scales[c] = largest == 0 ? 1 : largest / 127f;
        }

        var quantized = new sbyte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                quantized[(r * columns) + c] = (sbyte)Math.Clamp(MathF.Round(values[(r * columns) + c] / scales[c]), -127, 127);
            }
        }

        var integers = Tensor(weights.Name + "_int8", TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(quantized.AsSpan()), rows, columns);
        var scale = Tensor(weights.Name + "_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()), columns);
        var zeroPoint = Tensor(weights.Name + "_zero", TensorProto.Types.DataType.Int8, new byte[columns], columns);
        graph.Initializer.Add(integers);
        graph.Initializer.Add(scale);
        graph.Initializer.Add(zeroPoint);

        var node = new NodeProto { Name = product.Name + "_int8", OpType = "DynamicQuantizeMatMul", Domain = ContribDomain };
        node.Input.Add(product.Input[0]);
        node.Input.Add(integers.Name);
        node.Input.Add(scale.Name);
        node.Input.Add(zeroPoint.Name);
        node.Output.Add(product.Output);
        return node;
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, params long[] dimensions)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dimensions);
        return tensor;
    }
}
