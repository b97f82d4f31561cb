namespace RlhfGraph.Schema.Querying;

/// <summary>What clients may do with a member besides reading it.</summary>
[Flags]
internal enum Capabilities
{
    None = 0,
    Filter = 1,
    Sort = 2,
    FilterAndSort = Filter | Sort,
}
