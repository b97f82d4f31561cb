using GraphQL;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>Which sub-fields a client selected (fragments and inline fragments included), so unrequested work is skipped.</summary>
internal sealed class Selection
{
    private readonly HashSet<string> _names;
    private readonly List<GraphQLSelectionSet> _sets;
    private readonly GraphQLDocument _document;

    private Selection(GraphQLDocument document, List<GraphQLSelectionSet> sets)
    {
        _document = document;
        _sets = sets;
        _names = [];
        foreach (var field in Fields()) _names.Add(field.Name.StringValue);
    }

    public static Selection Of(IResolveFieldContext context) =>
        new(context.Document, context.FieldAst.SelectionSet is { } set ? [set] : []);

    /// <summary>The union of several selection sets written for one response key.</summary>
    public static Selection Of(GraphQLDocument document, IEnumerable<GraphQLSelectionSet> sets) => new(document, [.. sets]);

    public bool Has(string field) => _names.Contains(field);

    public Selection Child(string field) =>
        new(_document, Fields().Where(f => f.Name.StringValue == field && f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList());

    private IEnumerable<GraphQLField> Fields()
    {
        var pending = new Stack<GraphQLSelectionSet>(_sets);
        var visitedFragments = new HashSet<string>();
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        yield return field;
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue):
                        var fragment = _document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                        if (fragment is not null) pending.Push(fragment.SelectionSet);
                        break;
                }
            }
        }
    }
}
