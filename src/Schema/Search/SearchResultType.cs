using GraphQL.Types;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Datasets;
using RlhfGraph.Schema.Papers;

namespace RlhfGraph.Schema.Search;

internal sealed class SearchResultType : UnionGraphType
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "Something a search found: a paper, an author, a codebase or a dataset (ask with `... on Paper { title }`).";
        Type<PaperType>();
        Type<AuthorType>();
        Type<CodebaseType>();
        Type<DatasetType>();
    }
}
