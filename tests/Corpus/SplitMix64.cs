namespace RlhfGraph.Corpus;

/// <summary>
/// A tiny seeded generator with a fixed algorithm, so a corpus is byte-identical for a given seed on any
/// runtime version (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Below(int max) => (int)(NextDouble() * max);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>
    /// A long-tailed pick from [0, count): low indexes are chosen far more often (P(0) ≈ count^(-1/skew)),
    /// which gives a few prolific authors and popular datasets and a long tail of one-paper ones.
    /// </summary>
    public int Skewed(int count, double skew) => Math.Min(count - 1, (int)(count * Math.Pow(NextDouble(), skew)));
}
