using GraphQL.Types;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Papers;

internal sealed class PaperKindType : EnumerationGraphType<PaperKind>
{
    public PaperKindType()
    {
        Name = "PaperKind";
        Description = "What kind of work an entry is, from the list sections it appears in (what most of its mentions say when lists disagree).";
        Values.FindByValue(PaperKind.Paper)!.Description = "A research paper or preprint.";
        Values.FindByValue(PaperKind.Survey)!.Description = "A review, survey or position paper.";
        Values.FindByValue(PaperKind.TechnicalReport)!.Description = "A technical report (GPT-4, Llama 2).";
        Values.FindByValue(PaperKind.BlogPost)!.Description = "A blog post or article.";
        Values.FindByValue(PaperKind.Talk)!.Description = "A recorded talk or tutorial.";
        Values.FindByValue(PaperKind.Book)!.Description = "A book.";
        Values.FindByValue(PaperKind.Course)!.Description = "A course, its lectures or slides.";
        Values.FindByValue(PaperKind.Other)!.Description = "Anything else a list links to.";
    }
}
