using GraphQL.Types;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// The IBM cost spec's @cost, as HotChocolate.CostAnalysis declares it (weight is a String there too, so
/// "10.0"-style weights print and parse the same): what one use of a field, argument, input field or type adds.
/// </summary>
internal sealed class CostDirective : Directive
{
    public const string DirectiveName = "cost";

    public CostDirective()
        : base(DirectiveName, DirectiveLocation.ArgumentDefinition, DirectiveLocation.Enum, DirectiveLocation.FieldDefinition,
            DirectiveLocation.InputFieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar)
    {
        Description = "The weight of a field, argument, input field or type in the operation's cost (GraphQL-Cost: report shows it).";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "weight", Description = "The weight, a number written as a string." });
    }
}
