using GraphQL.Types;

namespace RlhfGraph.Schema.Papers;

internal sealed class RelatedPaperType : ObjectGraphType<RelatedPaper>
{
    public RelatedPaperType()
    {
        Name = "RelatedPaper";
        Description = "A paper related to another through shared authors, datasets, code or keywords.";
        Field<NonNullGraphType<PaperType>>("paper").Description("The related paper.").Resolve(c => c.Source.Paper);
        Field<NonNullGraphType<IntGraphType>>("score").Description("3 × shared authors + 2 × shared datasets + 2 × shared codebases + 1 × shared keywords; higher is closer.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<IntGraphType>>("sharedAuthors").Description("Authors both papers credit.").Resolve(c => c.Source.SharedAuthors);
        Field<NonNullGraphType<IntGraphType>>("sharedKeywords").Description("Keywords both papers carry.").Resolve(c => c.Source.SharedKeywords);
        Field<NonNullGraphType<IntGraphType>>("sharedDatasets").Description("Datasets both papers use.").Resolve(c => c.Source.SharedDatasets);
        Field<NonNullGraphType<IntGraphType>>("sharedCodebases").Description("Codebases linked to both papers.").Resolve(c => c.Source.SharedCodebases);
    }
}
