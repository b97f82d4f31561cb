namespace RlhfGraph.Api.Compression;

/// <summary>
/// Buffers an answer of /graphql so it goes out with a Content-Length, which is what lets the compression threshold see
/// its size (the serializer streams otherwise). GraphQL answers are bounded by the limits, so the buffer is too.
/// </summary>
internal sealed class ResponseLengthMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (buffer.Length == 0 || context.Response.HasStarted) return;
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }
}
