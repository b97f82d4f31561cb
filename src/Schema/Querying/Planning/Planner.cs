using System.Linq.Expressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Turns a root list field and everything selected under it into one <see cref="ListPlan"/>: per level the filter,
/// keyset and order (decided by the connection, once), the page, the node columns selected, and the nested lists.
/// A nested list it cannot plan (arguments a client got wrong, two spellings of one field with different arguments)
/// is left to its own resolver, which reports the mistake at the right path; the plan never guesses.
/// Recursion follows the document's depth, which validation bounds, never the size of an argument.
/// </summary>
internal static class Planner
{
    /// <summary>The plan of the list field being resolved (a root list, or a nested one read outside any plan) and all under it.</summary>
    public static ListPlan Plan(IResolveFieldContext context, ListField list, PageRequest request, LevelQuery query, PagingOptions options) =>
        list.Whole
            ? Whole(context, context.FieldDefinition, [context.FieldAst], list, query, request, options)
            : Level(context, context.FieldDefinition, [context.FieldAst], list, query, request, options);

    /// <summary>
    /// The plan of a lookup: the rows of <paramref name="list"/> that <paramref name="filter"/> keeps (keys a single-object
    /// field was given, or ids a ranking computed), at most <paramref name="size"/> in id order, with what
    /// <paramref name="sets"/> select of them as <paramref name="nodeType"/> — nested lists inside, as under a root list.
    /// </summary>
    public static ListPlan Lookup(IResolveFieldContext context, ListField list, IComplexGraphType nodeType, IEnumerable<GraphQLSelectionSet> sets, LambdaExpression? filter, int size, PagingOptions options)
    {
        var request = new PageRequest(size, false, null, null, false, false, false) { Field = $"{nodeType.Name}.lookup" };
        var query = list.Source.Query(null, null, request) with { Filter = filter };
        var (columns, children) = Nodes(context, nodeType, sets, options);
        return new ListPlan(request.Field, list, query, request, columns, false, false, children);
    }

    /// <summary>The selection sets of <paramref name="fields"/> (the nodes written for one response key).</summary>
    public static IEnumerable<GraphQLSelectionSet> Sets(IEnumerable<GraphQLField> fields)
    {
        foreach (var field in fields)
        {
            if (field.SelectionSet is { } set) yield return set;
        }
    }

    /// <summary>The selection sets of the fields named <paramref name="name"/> in <paramref name="sets"/> on <paramref name="type"/>.</summary>
    public static List<GraphQLSelectionSet> SetsOf(IResolveFieldContext context, IComplexGraphType type, IEnumerable<GraphQLSelectionSet> sets, string name) =>
        [.. FieldCollector.Collect(context, type, sets).Where(c => c.Definition.Name == name).SelectMany(c => Sets(c.Nodes))];

    private static ListPlan Level(IResolveFieldContext context, FieldType field, List<GraphQLField> nodes, ListField list, LevelQuery query, PageRequest request, PagingOptions options)
    {
        var nodeSets = new List<GraphQLSelectionSet>();
        IComplexGraphType? nodeType = null;
        bool wantsItem = false, wantsCursors = false;
        foreach (var part in FieldCollector.Collect(context, (IComplexGraphType)field.ResolvedType!.GetNamedType(), Sets(nodes)))
        {
            switch (part.Definition.Name)
            {
                case "nodes":
                    nodeType ??= (IComplexGraphType)part.Definition.ResolvedType!.GetNamedType();
                    nodeSets.AddRange(Sets(part.Nodes));
                    break;
                case "edges":
                    foreach (var edge in FieldCollector.Collect(context, (IComplexGraphType)part.Definition.ResolvedType!.GetNamedType(), Sets(part.Nodes)))
                    {
                        switch (edge.Definition.Name)
                        {
                            case "node":
                                nodeType ??= (IComplexGraphType)edge.Definition.ResolvedType!.GetNamedType();
                                nodeSets.AddRange(Sets(edge.Nodes));
                                break;
                            case "cursor":
                                wantsCursors = true;
                                break;
                            default:
                                wantsItem = true;  // a field of the link itself (a code relation, shared papers)
                                break;
                        }
                    }

                    break;
                case "pageInfo":
                    wantsCursors |= FieldCollector.Collect(context, (IComplexGraphType)part.Definition.ResolvedType!.GetNamedType(), Sets(part.Nodes))
                        .Any(p => p.Definition.Name is "startCursor" or "endCursor");
                    break;
            }
        }

        var (columns, children) = nodeType is null ? (new List<ScalarMember>(), new List<ChildPlan>()) : Nodes(context, nodeType, nodeSets, options);
        return new ListPlan(request.Field, list, query, request, columns, wantsItem, wantsCursors, children);
    }

    /// <summary>
    /// A plain list: every row, its nodes' selection read as a connection's nodes are; a list of scalars reads its one
    /// column (<see cref="ListField.Value"/>).
    /// </summary>
    private static ListPlan Whole(IResolveFieldContext context, FieldType field, List<GraphQLField> nodes, ListField list, LevelQuery query, PageRequest request, PagingOptions options)
    {
        if (field.ResolvedType!.GetNamedType() is not IComplexGraphType nodeType)
            return new ListPlan(request.Field, list, query, request, [list.Value ?? throw new InvalidOperationException($"{request.Field} names no column.")], false, false, []);
        var (columns, children) = Nodes(context, nodeType, Sets(nodes), options);
        return new ListPlan(request.Field, list, query, request, columns, false, false, children);
    }

    /// <summary>
    /// The columns and nested lists <paramref name="sets"/> (selections on <paramref name="nodeType"/>, fragments of
    /// other types skipped) ask of one node type; null columns when a field the planner does not know needs the entity.
    /// </summary>
    private static (List<ScalarMember>? Columns, List<ChildPlan> Children) Nodes(IResolveFieldContext context, IComplexGraphType nodeType, IEnumerable<GraphQLSelectionSet> sets, PagingOptions options)
    {
        var columns = new List<ScalarMember>();
        var children = new List<ChildPlan>();
        var whole = false;
        foreach (var part in FieldCollector.Collect(context, nodeType, sets))
        {
            var definition = part.Definition;
            if (definition.GetMetadata<ScalarMember?>(PlanMetadata.ColumnKey) is { } member)
            {
                if (!columns.Contains(member)) columns.Add(member);
            }
            else if (definition.GetMetadata<ListField?>(PlanMetadata.ListKey) is { Nested: true } nested)
            {
                if (Child(context, part, nested, nodeType.Name, options) is { } child) children.Add(new ChildPlan(part.ResponseKey, child));
            }
            else if (!definition.GetMetadata(PlanMetadata.IdOnlyKey, false) && !definition.GetMetadata(Limits.CostDefaults.ResolverCostKey, false))
            {
                whole = true;  // a field this planner does not know reads the entity: give it every column
            }
        }

        return (whole ? null : columns, children);
    }


    private static ListPlan? Child(IResolveFieldContext context, FieldCollector.Collected part, ListField list, string parentType, PagingOptions options)
    {
        var first = part.Nodes[0];
        // Written twice with other arguments (under `nodes` and under `edges.node`): both answers hang off the same
        // node objects, so neither is prefetched and each resolver reads its own.
        if (part.Nodes.Skip(1).Any(n => !SameArguments(first.Arguments, n.Arguments))) return null;
        if (list.Whole)
        {
            var all = PageRequest.All($"{parentType}.{part.Definition.Name}");
            return Whole(context, part.Definition, part.Nodes, list, list.Source.Query(null, null, all), all, options);
        }

        try
        {
            var arguments = ExecutionHelper.GetArguments(part.Definition.Arguments, first.Arguments, context.Variables, context.Document, first, null);
            var request = PageRequest.From(arguments, Selection.Of(context.Document, Sets(part.Nodes)), $"{parentType}.{part.Definition.Name}", options);
            var where = arguments is not null && arguments.TryGetValue("where", out var w) ? w.Value : null;
            var order = ArgumentValues.Ordered(context, first, arguments, "order");
            var query = list.Source.Query(where, order, request);
            return Level(context, part.Definition, part.Nodes, list, query, request, options);
        }
        catch (Exception e) when (e is QueryError or ExecutionError)
        {
            return null;  // the field's own resolver raises the same error at its own path
        }
    }

    /// <summary>Structural equality of two argument lists, variables by name (validation made their values agree).</summary>
    private static bool SameArguments(GraphQLArguments? a, GraphQLArguments? b)
    {
        var (left, right) = (a?.Items ?? [], b?.Items ?? []);
        if (left.Count != right.Count) return false;
        for (var i = 0; i < left.Count; i++)
        {
            var match = right.FirstOrDefault(r => r.Name.StringValue == left[i].Name.StringValue);
            if (match is null || !SameValue(left[i].Value, match.Value)) return false;
        }

        return true;
    }

    private static bool SameValue(GraphQLValue a, GraphQLValue b) => (a, b) switch
    {
        (GraphQLVariable x, GraphQLVariable y) => x.Name.StringValue == y.Name.StringValue,
        (GraphQLListValue x, GraphQLListValue y) => (x.Values?.Count ?? 0) == (y.Values?.Count ?? 0)
            && (x.Values ?? []).Zip(y.Values ?? []).All(p => SameValue(p.First, p.Second)),
        (GraphQLObjectValue x, GraphQLObjectValue y) => (x.Fields?.Count ?? 0) == (y.Fields?.Count ?? 0)
            && (x.Fields ?? []).Zip(y.Fields ?? []).All(p => p.First.Name.StringValue == p.Second.Name.StringValue && SameValue(p.First.Value, p.Second.Value)),
        (GraphQLNullValue, GraphQLNullValue) => true,
        (GraphQLStringValue x, GraphQLStringValue y) => x.Value == y.Value,
        (GraphQLIntValue x, GraphQLIntValue y) => x.Value == y.Value,
        (GraphQLFloatValue x, GraphQLFloatValue y) => x.Value == y.Value,
        (GraphQLBooleanValue x, GraphQLBooleanValue y) => x.BoolValue == y.BoolValue,
        (GraphQLEnumValue x, GraphQLEnumValue y) => x.Name.StringValue == y.Name.StringValue,
        _ => false,
    };
}
