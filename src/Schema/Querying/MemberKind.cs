namespace RlhfGraph.Schema.Querying;

/// <summary>How a member is filtered: which HotChocolate operation input it gets.</summary>
internal enum MemberKind
{
    String,
    Int,
    Boolean,
    Enum,
}
