using Onnx;

namespace BriefingBot.Semantics.Tests;

public sealed class ModelQuantizerTests
{
    [Fact]
    public void Quantize_TheBundledModel_LeavesNoFloatWeightProductAndGivesTheSameBytesTwice()
    {
        var bundled = BundledModel.ReadModel();

        var first = ModelQuantizer.Quantize(bundled);
        var second = ModelQuantizer.Quantize(bundled);

        Assert.Equal(first, second);
        var graph = ModelProto.Parser.ParseFrom(first).Graph;
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(graph.Node, n => n.OpType == "MatMul" && initializers.Contains(n.Input[1]));
        Assert.Equal(36, graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul")); // six layers × (Q, K, V, output, two feed-forward)
        Assert.True(first.Length < bundled.Length * 0.7, $"{first.Length:N0} bytes against {bundled.Length:N0}");
    }
}
