using BenchmarkDotNet.Attributes;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Benchmarks.Micro;

/// <summary>Keyset cursors: encoded for every edge of a page, decoded once per `after`.</summary>
[MemoryDiagnoser]
public class CursorBenchmarks
{
    private const string Signature = "year:desc,title:asc,id";
    private static readonly object?[] Values = [2023, "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", 4711];
    private static readonly Type[] Types = [typeof(int?), typeof(string), typeof(int)];
    private readonly string _cursor = Cursor.Encode(Signature, Values);

    [Benchmark]
    public string Encode() => Cursor.Encode(Signature, Values);

    [Benchmark]
    public object?[] Decode() => Cursor.Decode(_cursor, "after", Signature, Types);
}
