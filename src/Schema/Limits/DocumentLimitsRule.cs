using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// Counts what the parsed document asks for before any other analysis: aliases, directives, fields of the
/// executed operation with every fragment spread expanded (memoized, so a fragment that spreads another
/// twice, ten levels deep, is counted in linear time rather than 2^10 visits), the depth of the data it
/// asks for, and how often introspection recurses through list fields. Introspection has its own bound
/// (the IDE's query nests 15 deep through ofType, harmlessly) and does not count towards the depth; it is
/// recognised by field name only, never by the names of operations, fragments or aliases, so naming an
/// operation or fragment "__schema", or aliasing a field so, changes nothing.
/// </summary>
internal sealed class DocumentLimitsRule(IOptions<LimitsOptions> options) : ValidationRuleBase
{
    // The introspection fields that list types again; graphql-js refuses three of them nested (MaxIntrospectionDepthRule).
    private static readonly HashSet<string> RecursiveIntrospectionFields = ["fields", "inputFields", "interfaces", "possibleTypes"];
    private const int MaxIntrospectionRecursion = 2;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var counts = new DocumentCounts();
        counts.Walk(context.Document);

        if (counts.Aliases > limits.MaxAliases)
            context.ReportError(new LimitError(LimitError.TooManyAliases, $"The document uses {counts.Aliases} aliases; at most {limits.MaxAliases} are allowed."));
        if (counts.Directives > limits.MaxDirectives)
            context.ReportError(new LimitError(LimitError.TooManyDirectives, $"The document uses {counts.Directives} directives; at most {limits.MaxDirectives} are allowed."));
        if (counts.Introspects && !limits.Introspection)
            context.ReportError(new LimitError(LimitError.IntrospectionDisabled, "Introspection is disabled on this server."));

        // graphql-dotnet would throw on an operation type the schema lacks (in its cost analysis), logged as a bug.
        if (context.Operation is { Operation: not OperationType.Query } unsupported
            && (unsupported.Operation == OperationType.Mutation ? (object?)context.Schema.Mutation : context.Schema.Subscription) is null)
            context.ReportError(new LimitError(LimitError.OperationNotSupported,
                $"This API is read-only: it answers queries, not {unsupported.Operation.ToString().ToLowerInvariant()}s."));

        if (context.Operation is { } operation)
        {
            var expansion = new Expansion(context.Document);
            var (fields, recursion, depth) = expansion.Measure(operation.SelectionSet, introspecting: false);
            if (depth > limits.MaxDepth)
                context.ReportError(new LimitError(LimitError.TooDeep, $"The query nests {depth} levels deep; at most {limits.MaxDepth} are allowed."));
            if (fields > limits.MaxFields)
                context.ReportError(new LimitError(LimitError.TooManyFields, $"The operation selects {Format(fields)} fields once fragments are expanded; at most {limits.MaxFields} are allowed."));
            if (recursion > MaxIntrospectionRecursion)
                context.ReportError(new LimitError(LimitError.IntrospectionTooDeep,
                    $"Introspection nests fields/inputFields/interfaces/possibleTypes {recursion} deep; at most {MaxIntrospectionRecursion} is allowed."));
        }

        return default;
    }

    private static string Format(double value) => value >= 1e9 ? "over a billion" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whole-document counts: every alias, every directive use, any introspection field.</summary>
    private sealed class DocumentCounts
    {
        public int Aliases { get; private set; }

        public int Directives { get; private set; }

        public bool Introspects { get; private set; }

        public void Walk(GraphQLDocument document)
        {
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLOperationDefinition operation:
                        Directives += operation.Directives?.Count ?? 0;
                        foreach (var variable in operation.Variables?.Items ?? [])
                            Directives += variable.Directives?.Count ?? 0;
                        Walk(operation.SelectionSet);
                        break;
                    case GraphQLFragmentDefinition fragment:
                        Directives += fragment.Directives?.Count ?? 0;
                        Walk(fragment.SelectionSet);
                        break;
                }
            }
        }

        private void Walk(GraphQLSelectionSet? set)
        {
            if (set is null) return;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (field.Alias is not null) Aliases++;
                        if (IsIntrospection(field)) Introspects = true;
                        Directives += field.Directives?.Count ?? 0;
                        Walk(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives += inline.Directives?.Count ?? 0;
                        Walk(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        Directives += spread.Directives?.Count ?? 0;
                        break;
                }
            }
        }
    }

    /// <summary>Field count, introspection recursion and data depth of a selection with fragments expanded, each fragment measured once per mode.</summary>
    private sealed class Expansion(GraphQLDocument document)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private readonly Dictionary<(string, bool), (double Fields, int Recursion, int Depth)> _measured = [];
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public (double Fields, int Recursion, int Depth) Measure(GraphQLSelectionSet? set, bool introspecting)
        {
            double fields = 0;
            var recursion = 0;
            var depth = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var inside = introspecting || IsIntrospection(field);
                        var (childFields, childRecursion, childDepth) = Measure(field.SelectionSet, inside);
                        fields += 1 + childFields;
                        var recursive = inside && field.SelectionSet is not null && RecursiveIntrospectionFields.Contains(field.Name.StringValue) ? 1 : 0;
                        recursion = Math.Max(recursion, recursive + childRecursion);
                        // Like graphql-dotnet's analyzer, a level is a field with a selection (leaves add none).
                        var level = !inside && field.SelectionSet is not null ? 1 : 0;
                        depth = Math.Max(depth, level + childDepth);
                        break;
                    case GraphQLInlineFragment inline:
                        Add(Measure(inline.SelectionSet, introspecting));
                        break;
                    case GraphQLFragmentSpread spread:
                        Add(MeasureFragment(spread.FragmentName.Name.StringValue, introspecting));
                        break;
                }
            }

            return (fields, recursion, depth);

            void Add((double Fields, int Recursion, int Depth) part)
            {
                fields += part.Fields;
                recursion = Math.Max(recursion, part.Recursion);
                depth = Math.Max(depth, part.Depth);
            }
        }

        private (double Fields, int Recursion, int Depth) MeasureFragment(string name, bool introspecting)
        {
            if (_measured.TryGetValue((name, introspecting), out var known)) return known;
            // A cycle is NoFragmentCycles' to report; here it only must not recurse forever.
            if (!_inProgress.Add(name)) return (0, 0, 0);
            var result = Measure(_fragments.GetValueOrDefault(name)?.SelectionSet, introspecting);
            _inProgress.Remove(name);
            _measured[(name, introspecting)] = result;
            return result;
        }
    }

    private static bool IsIntrospection(GraphQLField field) => field.Name.StringValue is "__schema" or "__type";
}
