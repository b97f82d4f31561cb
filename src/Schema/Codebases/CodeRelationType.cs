using GraphQL.Types;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Codebases;

internal sealed class CodeRelationType : EnumerationGraphType<CodeRelation>
{
    public CodeRelationType()
    {
        Name = "CodeRelation";
        Description = "How a codebase relates to a paper, as the lists state it.";
        Values.FindByValue(CodeRelation.Official)!.Description = "The authors' own code.";
        Values.FindByValue(CodeRelation.ThirdParty)!.Description = "Someone else's implementation.";
        Values.FindByValue(CodeRelation.Unspecified)!.Description = "Linked without saying whose code it is.";
    }
}
