using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>A GraphQL type node(id:) and nodes(ids:) can answer, and the rows its ids are looked up in.</summary>
internal sealed record NodeType(string TypeName, IListSource Rows);
