using GraphQL.Types;

namespace RlhfGraph.Schema.Search;

/// <summary>A suggestion: the hit's kind and label, and the loaded entity.</summary>
internal sealed record Suggestion(Persistence.Search.SearchKind Type, string Label, object Node);

internal sealed class AutocompleteSuggestionType : ObjectGraphType<Suggestion>
{
    public AutocompleteSuggestionType()
    {
        Name = "AutocompleteSuggestion";
        Description = "A completion for what was typed so far.";
        Field<NonNullGraphType<SearchTypeType>>("type").Description("What the suggestion is.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The text to show: a title or a name.").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<SearchResultType>>("node").Description("The suggested paper, author, codebase or dataset.").Resolve(c => c.Source.Node);
    }
}
