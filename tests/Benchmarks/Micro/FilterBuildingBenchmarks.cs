using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying.Filtering;

namespace RlhfGraph.Benchmarks.Micro;

/// <summary>Turning a `where` argument into an expression tree, per request (public: BenchmarkDotNet needs it).</summary>
[MemoryDiagnoser]
public class FilterBuildingBenchmarks
{
    // The README's first example: papers by Sadigh's co-authors since 2023 that link code.
    private readonly Dictionary<string, object?> _readmeFilter = new()
    {
        ["authors"] = new Dictionary<string, object?> { ["some"] = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["contains"] = "sadigh" } } },
        ["codebases"] = new Dictionary<string, object?> { ["any"] = true },
        ["year"] = new Dictionary<string, object?> { ["gte"] = 2023 },
    };

    private readonly Dictionary<string, object?> _yearFilter = new() { ["year"] = new Dictionary<string, object?> { ["gte"] = 2023 } };

    [Benchmark(Baseline = true)]
    public LambdaExpression? OneScalarCondition() => FilterExpressionBuilder.BuildLambda(PaperType.Model, _yearFilter);

    [Benchmark]
    public LambdaExpression? NestedListConditions() => FilterExpressionBuilder.BuildLambda(PaperType.Model, _readmeFilter);
}
