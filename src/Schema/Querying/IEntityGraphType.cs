namespace RlhfGraph.Schema.Querying;

/// <summary>
/// An entity's graph type, exposing its declared model statically so generic input types
/// (FilterInputType&lt;PaperType&gt;, SortInputType&lt;PaperType&gt;) can be built from it without an instance.
/// </summary>
internal interface IEntityGraphType
{
    static abstract IEntityModel Model { get; }
}
