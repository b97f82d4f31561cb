using GraphQL.Types;
using RlhfGraph.Schema.Papers;

namespace RlhfGraph.Schema.Authors;

internal sealed class AuthorPathType : ObjectGraphType<AuthorPath>
{
    public AuthorPathType()
    {
        Name = "AuthorPath";
        Description = "A shortest chain of co-authorship between two authors: `papers[i]` credits both `authors[i]` and `authors[i + 1]`.";
        Field<NonNullGraphType<IntGraphType>>("hops").Description("Number of co-authorship steps (0 when both ends are the same author).").Resolve(c => c.Source.Papers.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuthorType>>>>("authors").Description("The authors along the path, from `from` to `to`.").Resolve(c => c.Source.Authors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperType>>>>("papers").Description("For each hop, a paper both authors are credited on (the newest).").Resolve(c => c.Source.Papers);
    }
}
