using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Sorting;

/// <summary>HotChocolate's SortEnumType.</summary>
internal sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Sort direction. Text sorts case-insensitively; absent values (null) come first ascending and last descending.";
        Add("ASC", false, "Ascending: A→Z, 0→9, oldest→newest.");
        Add("DESC", true, "Descending: Z→A, 9→0, newest→oldest.");
    }
}
