using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using RlhfGraph.Schema.Querying.Filtering;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// Puts HotChocolate's default weights into the schema, as its CostTypeInterceptor does, so the SDL shows the model
/// the analyzer applies: 10 for a field that runs a resolver against the database (root fields and every field marked
/// with <see cref="ResolverCostKey"/>: connections and batched lists), 10 for a `where`/`order` argument, 10 per filter
/// or sort operation and 20 per text-pattern operation (contains, startsWith, endsWith and their negations). Lists
/// without @listSize get one: sized by their `first` argument when they have one, else assumed to hold a default page.
/// <para>
/// Lists a client sends: HotChocolate (CostAnalysis/Utilities/InputCostVisitor.cs) charges an element of a list
/// argument by the input fields it uses, so an and/or operand costs its conditions (1 for each nested filter input,
/// 10 or 20 for each operation) and an order item 10 per key; a scalar element it charges nothing, so its cost did not
/// grow with in/nin values or nodes(ids:) ids. Here every element costs at least <see cref="ListElementCost"/>
/// field cost: 1 per in/nin value, per id, per search type, per empty operand or order item, on top of
/// HotChocolate's weights everywhere else. At the limits: 500 in/nin values add 500, 50 ids 50; 50 one-condition
/// operands (`{ year: { eq: 1 } }`) add 550 and 20 one-key order items 200, as in HotChocolate.
/// </para>
/// </summary>
internal sealed class CostDefaults(int defaultListSize) : BaseSchemaNodeVisitor
{
    /// <summary>Field metadata: the field's resolver reads the database (HotChocolate: not a pure resolver).</summary>
    public const string ResolverCostKey = "rlhfgraph.resolverCost";

    public const string ResolverCost = "10";
    public const string OperationCost = "10";
    public const string ExpensiveOperationCost = "20";

    /// <summary>Least field cost of one element of a list a client sends (a value, an id, an operand, an order item).</summary>
    public const double ListElementCost = 1;

    private static readonly HashSet<string> ExpensiveOperations = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || type.Name.StartsWith("__", StringComparison.Ordinal)) return;
        if (field.FindAppliedDirective(CostDirective.DirectiveName) is null && (type == schema.Query || field.GetMetadata(ResolverCostKey, false)))
            field.ApplyDirective(CostDirective.DirectiveName, "weight", ResolverCost);
        if (field.FindAppliedDirective(ListSizeDirective.DirectiveName) is null && Unwrap(field.ResolvedType) is ListGraphType && !IsConnection(type))
        {
            var first = field.Arguments?.Find("first");
            field.ApplyDirective(ListSizeDirective.DirectiveName, d =>
            {
                if (first is not null)
                {
                    d.AddArgument(new DirectiveArgument("slicingArguments") { Value = new List<object?> { "first" } });
                    d.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = first.DefaultValue as int? ?? defaultListSize });
                }
                else
                {
                    d.AddArgument(new DirectiveArgument("assumedSize") { Value = defaultListSize });
                }

                d.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
            });
        }
    }

    public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (argument.FindAppliedDirective(CostDirective.DirectiveName) is null && IsFilterOrSort(argument.ResolvedType))
            argument.ApplyDirective(CostDirective.DirectiveName, "weight", OperationCost);
    }

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
    {
        if (field.FindAppliedDirective(CostDirective.DirectiveName) is not null || field.Name is "and" or "or") return;
        var clr = type.GetType();
        var definition = clr.IsGenericType ? clr.GetGenericTypeDefinition() : clr;
        var operations = definition == typeof(StringOperationFilterInputType) || definition == typeof(IntOperationFilterInputType)
            || definition == typeof(BooleanOperationFilterInputType) || definition == typeof(EnumOperationFilterInputType<>)
            || definition == typeof(IdOperationFilterInputType) || definition == typeof(ListFilterInputType<>)
            || definition == typeof(ListStringOperationFilterInputType) || definition == typeof(SortInputType<>);
        if (operations)
            field.ApplyDirective(CostDirective.DirectiveName, "weight", ExpensiveOperations.Contains(field.Name) ? ExpensiveOperationCost : OperationCost);
    }

    /// <summary>
    /// HotChocolate's @listSize for a connection: assumed to be a full page, sized by first/last (the largest given),
    /// a default page when neither is given, applied to its edges and nodes; and the resolver's weight.
    /// </summary>
    public static void Connection(FieldType field, int maxPageSize, int defaultPageSize, params string[] slicingArguments)
    {
        field.ApplyDirective(ListSizeDirective.DirectiveName, d =>
        {
            d.AddArgument(new DirectiveArgument("assumedSize") { Value = maxPageSize });
            d.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicingArguments.Cast<object?>().ToList() });
            d.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = defaultPageSize });
            d.AddArgument(new DirectiveArgument("sizedFields") { Value = new List<object?> { "edges", "nodes" } });
            d.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });
        field.ApplyDirective(CostDirective.DirectiveName, "weight", ResolverCost);
    }

    /// <summary>A connection's edges and nodes are sized by the connection field's @listSize (sizedFields).</summary>
    private static bool IsConnection(IObjectGraphType type) => type.HasField("pageInfo") && type.HasField("edges");

    private static bool IsFilterOrSort(IGraphType? type)
    {
        var named = type?.GetNamedType();
        if (named is null) return false;
        var clr = named.GetType();
        return clr.IsGenericType && (clr.GetGenericTypeDefinition() == typeof(FilterInputType<>) || clr.GetGenericTypeDefinition() == typeof(SortInputType<>));
    }

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
}
