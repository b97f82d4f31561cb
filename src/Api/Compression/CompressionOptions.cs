using System.IO.Compression;

namespace RlhfGraph.Api.Compression;

/// <summary>The "Compression" section: Brotli or gzip by Accept-Encoding, for responses of /graphql above a size.</summary>
public sealed class CompressionOptions
{
    public const string SectionName = "Compression";

    public bool Enabled { get; set; } = true;

    /// <summary>Smaller answers go as they are: below about a kilobyte compression saves less than a packet and costs CPU.</summary>
    public int MinimumBytes { get; set; } = 1024;

    /// <summary>Fastest: the dashboard query compresses about 10x already (docs/benchmarks.md); Optimal buys a little for several times the CPU.</summary>
    public CompressionLevel Level { get; set; } = CompressionLevel.Fastest;
}
