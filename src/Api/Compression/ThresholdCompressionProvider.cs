using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.Compression;

/// <summary>ASP.NET Core's choice of encoding, plus a size threshold it lacks: answers with a known length below it are sent as they are.</summary>
internal sealed class ThresholdCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options, IOptions<CompressionOptions> compression)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        (context.Response.ContentLength is not { } length || length >= compression.Value.MinimumBytes) && base.ShouldCompressResponse(context);
}
