using GraphQL.Types;

namespace RlhfGraph.Schema.Stats;

internal sealed class BucketOrderType : EnumerationGraphType<BucketOrder>
{
    public BucketOrderType()
    {
        Name = "BucketOrder";
        Description = "How aggregation buckets are sorted; ties are broken by the other of key and count.";
        Values.FindByValue(BucketOrder.CountDesc)!.Description = "Largest groups first (top N).";
        Values.FindByValue(BucketOrder.CountAsc)!.Description = "Smallest groups first.";
        Values.FindByValue(BucketOrder.KeyAsc)!.Description = "By key ascending (years oldest first, names A to Z); unknown keys first.";
        Values.FindByValue(BucketOrder.KeyDesc)!.Description = "By key descending; unknown keys last.";
    }
}
