using GraphQL.Types;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Authors;

internal sealed class AuthorKindType : EnumerationGraphType<AuthorKind>
{
    public AuthorKindType()
    {
        Name = "AuthorKind";
        Description = "Whether an author is a person or an organisation credited as a whole.";
        Values.FindByValue(AuthorKind.Person)!.Description = "A person.";
        Values.FindByValue(AuthorKind.Organization)!.Description = "An organisation such as OpenAI, Anthropic or Meta.";
    }
}
