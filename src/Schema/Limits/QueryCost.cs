using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// HotChocolate's cost model (HotChocolate.CostAnalysis, after the IBM cost spec), computed from the weights the
/// schema declares with @cost and @listSize (see <see cref="CostDefaults"/>), on graphql-dotnet's complexity visitor:
/// <list type="bullet">
/// <item>field cost: each field's weight plus its arguments' (an argument's weight plus the weights of the input
/// fields its value uses), times the sizes of the lists above it;</item>
/// <item>type cost: each composite type returned weighs 1, times its own list size and those above it.</item>
/// </list>
/// Every element of a list a client sends costs at least <see cref="CostDefaults.ListElementCost"/> (see there), so
/// the cost grows with in/nin values, and/or operands, nodes ids and order keys, not only with page sizes.
/// A list's size is its largest slicing argument (first/last; a connection's size applies to its edges and nodes),
/// else its slicingArgumentDefaultValue, else its assumedSize. Values come from literals and variables alike.
/// Introspection costs nothing here; its own recursion bound holds it. Runs after the other rules, only when
/// they pass, and before execution, so a refused operation runs no SQL.
/// </summary>
internal sealed class QueryCost(IOptions<LimitsOptions> options) : ComplexityValidationRule(FieldCostOptions)
{
    /// <summary>UserContext key of the request's <see cref="OperationCost"/>.</summary>
    public const string UserContextKey = "rlhfgraph.cost";

    /// <summary>UserContext key of the GraphQL-Cost header's mode: "report" or "validate".</summary>
    public const string ModeKey = "rlhfgraph.costMode";

    /// <summary>HotChocolate's ErrorCodes.Execution.CostExceeded.</summary>
    public const string CostExceeded = "HC0047";

    // No limit of graphql-dotnet's own: the limits are checked here, on both sums, after both are known.
    private static readonly ComplexityOptions FieldCostOptions = new() { DefaultComplexityImpactDelegate = FieldImpact, MaxComplexity = int.MaxValue };

    private static readonly TypeCostCalculator TypeCosts = new(new ComplexityOptions { DefaultComplexityImpactDelegate = TypeImpact, MaxComplexity = int.MaxValue });

    /// <summary>The cost of the operation in this request, once validation has computed it (before anything executes).</summary>
    public static OperationCost? Of(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(UserContextKey, out var cost) ? cost as OperationCost : null;

    protected override async ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var (typeCost, _) = await TypeCosts.CalculateAsync(context).ConfigureAwait(false);
        var limits = options.Value;
        var cost = new OperationCost(totalComplexity, typeCost);
        context.UserContext[UserContextKey] = cost;
        var mode = context.UserContext.TryGetValue(ModeKey, out var m) ? m as string : null;
        if (mode == "validate")
        {
            // HotChocolate's ValidateAndReport: analyse and report, never enforce, never execute.
            context.ReportError(new CostValidatedError());
            return;
        }

        if (cost.FieldCost > limits.MaxFieldCost)
        {
            context.ReportError(new CostError("The maximum allowed field cost was exceeded.", new() { ["fieldCost"] = Value(cost.FieldCost), ["maxFieldCost"] = Value(limits.MaxFieldCost) }));
        }
        else if (cost.TypeCost > limits.MaxTypeCost)
        {
            context.ReportError(new CostError("The maximum allowed type cost was exceeded.", new() { ["typeCost"] = Value(cost.TypeCost), ["maxTypeCost"] = Value(limits.MaxTypeCost) }));
        }
    }

    private static FieldComplexityResult FieldImpact(FieldImpactContext context)
    {
        if (IsIntrospection(context)) return new(0, 1);
        var field = context.FieldDefinition;
        var cost = Weight(field) ?? (IsComposite(field.ResolvedType) || Unwrap(field.ResolvedType) is ListGraphType ? 1 : 0);
        if (context.Arguments is { } arguments)
        {
            foreach (var (name, value) in arguments)
            {
                if (field.Arguments?.Find(name) is not { } argument || value.Value is null) continue;
                cost += (Weight(argument) ?? (argument.ResolvedType?.GetNamedType() is IInputObjectGraphType ? 1 : 0)) + InputCost(value.Value, argument.ResolvedType);
            }
        }

        return new(Math.Max(cost, 0), ListSize(context));
    }

    private static FieldComplexityResult TypeImpact(FieldImpactContext context)
    {
        if (IsIntrospection(context)) return new(0, 1);
        var size = ListSize(context);
        var named = context.FieldDefinition.ResolvedType?.GetNamedType();
        var weight = named is null ? 0 : Weight(named) ?? (IsComposite(named) ? 1 : 0);
        return new(weight * size, size);
    }

    /// <summary>The weights of the input fields a value uses, through nested objects and lists.</summary>
    private static double InputCost(object? value, IGraphType? type)
    {
        type = Unwrap(type);
        switch (value)
        {
            case null:
                return 0;
            case IDictionary<string, object?> map when type is IInputObjectGraphType input:
                double total = 0;
                foreach (var (name, inner) in map)
                {
                    if (inner is null || input.GetField(name) is not { } field) continue;
                    total += (Weight(field) ?? (field.ResolvedType?.GetNamedType() is IInputObjectGraphType ? 1 : 0)) + InputCost(inner, field.ResolvedType);
                }

                return total;
            case not null when type is ListGraphType list && (value is string or IDictionary<string, object?> || value is not System.Collections.IEnumerable):
                // A single value where a list is expected is a list of one (the spec's input coercion).
                return Math.Max(CostDefaults.ListElementCost, InputCost(value, list.ResolvedType));
            case System.Collections.IEnumerable items when value is not string && type is ListGraphType list:
                // HotChocolate values an element by the input fields it uses and a scalar element at nothing, so 500
                // in/nin values or 50 ids would cost what one does; every element costs at least ListElementCost here.
                return items.Cast<object?>().Sum(item => Math.Max(CostDefaults.ListElementCost, InputCost(item, list.ResolvedType)));
            default:
                return 0;
        }
    }

    private static double ListSize(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (Unwrap(field.ResolvedType) is not ListGraphType) return 1;
        var directive = field.FindAppliedDirective(ListSizeDirective.DirectiveName);
        var arguments = context.Arguments;
        var definition = field;
        if (directive is null && context.Parent is { } parent
            && parent.FieldDefinition.FindAppliedDirective(ListSizeDirective.DirectiveName) is { } parentDirective
            && Strings(parentDirective.FindArgument("sizedFields")?.Value).Contains(field.Name))
        {
            directive = parentDirective;
            arguments = parent.Arguments;
            definition = parent.FieldDefinition;
        }

        if (directive is null) return 1;
        double? largest = null;
        foreach (var name in Strings(directive.FindArgument("slicingArguments")?.Value))
        {
            var given = arguments is not null && arguments.TryGetValue(name, out var v) && v.Value is int i ? i
                : definition.Arguments?.Find(name)?.DefaultValue as int?;
            if (given is { } size) largest = Math.Max(largest ?? 0, size);
        }

        return largest
            ?? (directive.FindArgument("slicingArgumentDefaultValue")?.Value as int?)
            ?? (directive.FindArgument("assumedSize")?.Value as int?)
            ?? 1;
    }

    private static IEnumerable<string> Strings(object? value) => value is System.Collections.IEnumerable items && value is not string ? items.OfType<string>() : [];

    private static double? Weight(IMetadataReader element) =>
        element.FindAppliedDirective(CostDirective.DirectiveName)?.FindArgument("weight")?.Value is string text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? weight : null;

    private static bool IsComposite(IGraphType? type) => type?.GetNamedType() is IObjectGraphType or IInterfaceGraphType or UnionGraphType;

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;

    private static object Value(double value) => value == Math.Floor(value) && value < long.MaxValue ? (long)value : value;

    /// <summary>The same visitor with the type-cost impacts, so both sums see fragments, variables and lists alike.</summary>
    private sealed class TypeCostCalculator(ComplexityOptions typeOptions) : ComplexityValidationRule(typeOptions)
    {
        public async ValueTask<(double Total, int Depth)> CalculateAsync(ValidationContext context)
        {
            var (total, depth) = await CalculateComplexityAsync(context).ConfigureAwait(false);
            return (total, depth);
        }
    }
}
