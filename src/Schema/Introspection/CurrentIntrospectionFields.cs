using GraphQL.Types;
using GraphQL.Utilities;

namespace RlhfGraph.Schema.Introspection;

/// <summary>
/// Adds what graphql-js's getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true,
/// inputValueDeprecation: true }) asks for (GraphiQL 3, Apollo Sandbox, codegen loaders) and graphql-dotnet 8 lacks
/// even with its RepeatableDirectives and DeprecationOfInputValues switches on: `__Type.specifiedByURL` (null for
/// every type: none of our scalars is custom) and `includeDeprecated` on `__Directive.args` (no directive argument
/// here is deprecated, so it changes nothing).
/// </summary>
internal sealed class CurrentIntrospectionFields : BaseSchemaNodeVisitor
{
    public override void VisitSchema(ISchema schema)
    {
        if (schema.AllTypes["__Type"] is IObjectGraphType type && !type.HasField("specifiedByURL"))
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Description = "A URL pointing to the specification of a custom scalar; null for every other type.",
                Type = typeof(StringGraphType),
                ResolvedType = schema.AllTypes["String"],
                Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(_ => null),
            });
        }

        if (schema.AllTypes["__Directive"] is IObjectGraphType directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType>
            {
                Name = "includeDeprecated",
                Description = "Include deprecated arguments (no directive argument is deprecated).",
                DefaultValue = false,
                ResolvedType = schema.AllTypes["Boolean"],
            });
        }
    }
}
