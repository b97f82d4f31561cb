using RlhfGraph.Persistence;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>How to fetch entities of one GraphQL type by database id, for node/nodes.</summary>
internal sealed record NodeType(string TypeName, Func<RlhfGraphDbContext, IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, object>>> Fetch);
