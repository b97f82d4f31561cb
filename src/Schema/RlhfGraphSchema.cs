
namespace RlhfGraph.Schema;

/// <summary>The GraphQL schema of the RLHF literature graph.</summary>
internal sealed class RlhfGraphSchema : GraphQL.Types.Schema
{
    public RlhfGraphSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "The RLHF research literature as one connected graph: papers, authors, codebases and datasets from five curated lists, linked both ways.";
        Query = query;
        // What current introspection queries ask for: isRepeatable, deprecated arguments and input fields, specifiedByURL.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new Introspection.CurrentIntrospectionFields());
        // HotChocolate's cost directives, with its default weights applied to every field, argument and input field.
        Directives.Register(new Limits.CostDirective(), new Limits.ListSizeDirective());
        RegisterVisitor(new Limits.CostDefaults(new Querying.Paging.PagingOptions().DefaultPageSize));
    }
}
