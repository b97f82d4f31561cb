namespace RlhfGraph.Schema.Stats;

/// <summary>How buckets are sorted; the other of key and count breaks ties.</summary>
internal enum BucketOrder
{
    CountDesc,
    CountAsc,
    KeyAsc,
    KeyDesc,
}
