using GraphQL.Types;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Limits;

/// <summary>The IBM cost spec's @listSize, with HotChocolate's extra slicingArgumentDefaultValue: how many items a list field returns.</summary>
internal sealed class ListSizeDirective : Directive
{
    public const string DirectiveName = "listSize";

    public ListSizeDirective()
        : base(DirectiveName, DirectiveLocation.FieldDefinition)
    {
        Description = "How many items a list field is assumed to return, for the operation's cost.";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "assumedSize", Description = "The size when no slicing argument says otherwise." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "slicingArguments", Description = "Arguments that set the size (the largest given wins)." },
            new QueryArgument<IntGraphType> { Name = "slicingArgumentDefaultValue", Description = "The size when no slicing argument is given." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "sizedFields", Description = "Child list fields the size applies to (a connection's edges and nodes)." },
            new QueryArgument<NonNullGraphType<BooleanGraphType>> { Name = "requireOneSlicingArgument", Description = "Whether exactly one slicing argument must be given.", DefaultValue = true });
    }
}
