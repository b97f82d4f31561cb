using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// The fields a selection asks of one object type, merged by response key as the execution will merge them:
/// inline fragments and spreads whose type condition applies, @skip/@include honoured.
/// </summary>
internal static class FieldCollector
{
    /// <summary>A response key: every field node written for it (in document order) and its definition.</summary>
    public sealed record Collected(string ResponseKey, List<GraphQLField> Nodes, FieldType Definition);

    public static List<Collected> Collect(IResolveFieldContext context, IComplexGraphType type, IEnumerable<GraphQLSelectionSet> sets)
    {
        var result = new List<Collected>();
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets) Add(context, type, set, result, fragments);
        return result;
    }

    private static void Add(IResolveFieldContext context, IComplexGraphType type, GraphQLSelectionSet set, List<Collected> result, HashSet<string> fragments)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode directed && !Included(context, directed)) continue;
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (name.StartsWith("__", StringComparison.Ordinal)) continue;
                    var definition = type.GetField(name);
                    if (definition is null) continue;
                    var key = field.Alias?.Name.StringValue ?? name;
                    var known = result.Find(c => c.ResponseKey == key);
                    if (known is null) result.Add(new Collected(key, [field], definition));
                    else known.Nodes.Add(field);
                    break;
                case GraphQLInlineFragment inline when Applies(inline.TypeCondition, type):
                    Add(context, type, inline.SelectionSet, result, fragments);
                    break;
                case GraphQLFragmentSpread spread when fragments.Add(spread.FragmentName.Name.StringValue):
                    var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (fragment is not null && Applies(fragment.TypeCondition, type)) Add(context, type, fragment.SelectionSet, result, fragments);
                    break;
            }
        }
    }

    private static bool Applies(GraphQLTypeCondition? condition, IComplexGraphType type)
    {
        if (condition is null) return true;
        var name = condition.Type.Name.StringValue;
        return name == type.Name || (type is IObjectGraphType obj && obj.ResolvedInterfaces.Any(i => i.Name == name));
    }

    private static bool Included(IResolveFieldContext context, IHasDirectivesNode node)
    {
        if (node.Directives is not { } directives) return true;
        foreach (var directive in directives)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include")) continue;
            var value = directive.Arguments?.FirstOrDefault(a => a.Name.StringValue == "if")?.Value switch
            {
                GraphQLBooleanValue literal => literal.BoolValue,
                GraphQLVariable variable => context.Variables is { } variables && variables.ValueFor(variable.Name.StringValue, out ArgumentValue argument) && argument.Value is true,
                _ => false,
            };
            if (value == (name == "skip")) return false;
        }

        return true;
    }
}
