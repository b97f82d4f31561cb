using GraphQL.Types;
using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Schema.Search;

internal sealed class SearchTypeType : EnumerationGraphType<SearchKind>
{
    public SearchTypeType()
    {
        Name = "SearchType";
        Description = "Which kinds of things a search or autocomplete looks at.";
        Values.FindByValue(SearchKind.Paper)!.Description = "Papers, by title, alias, keywords, authors' names, arXiv id and venue.";
        Values.FindByValue(SearchKind.Author)!.Description = "Authors, by name and other spellings.";
        Values.FindByValue(SearchKind.Codebase)!.Description = "Codebases, by name, repository, owner, description and URL.";
        Values.FindByValue(SearchKind.Dataset)!.Description = "Datasets, by name, aliases and URL.";
    }
}
