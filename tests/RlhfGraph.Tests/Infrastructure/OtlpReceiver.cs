using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// A real OTLP/HTTP endpoint on a loopback port (Kestrel): it takes what an OpenTelemetry exporter posts to /v1/traces and
/// /v1/metrics (protobuf, as a collector would) and decodes the few messages a test reads, from the wire format
/// (opentelemetry-proto's trace.proto, metrics.proto, common.proto field numbers).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<byte[]> _traces = [];
    private readonly List<byte[]> _metrics = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", context => receiver.TakeAsync(context, receiver._traces));
        app.MapPost("/v1/metrics", context => receiver.TakeAsync(context, receiver._metrics));
        app.MapPost("/v1/logs", context => receiver.TakeAsync(context, []));
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    private async Task TakeAsync(HttpContext context, List<byte[]> into)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        lock (into) into.Add(body.ToArray());
        context.Response.ContentType = "application/x-protobuf";  // an empty Export…ServiceResponse: all accepted
    }

    /// <summary>Every span received so far, with its resource's attributes.</summary>
    public List<Span> Spans()
    {
        byte[][] requests;
        lock (_traces) requests = [.. _traces];
        var spans = new List<Span>();
        foreach (var request in requests)
        {
            foreach (var resourceSpans in Messages(request, 1))
            {
                var resource = Attributes(Messages(resourceSpans, 1).FirstOrDefault() ?? [], 1);
                foreach (var scopeSpans in Messages(resourceSpans, 2))
                {
                    var scope = Strings(Messages(scopeSpans, 1).FirstOrDefault() ?? [], 1).FirstOrDefault() ?? "";
                    foreach (var span in Messages(scopeSpans, 2))
                    {
                        var status = Messages(span, 15).FirstOrDefault() ?? [];
                        spans.Add(new Span(
                            Convert.ToHexStringLower(Bytes(span, 1).FirstOrDefault() ?? []),
                            Convert.ToHexStringLower(Bytes(span, 2).FirstOrDefault() ?? []),
                            Convert.ToHexStringLower(Bytes(span, 4).FirstOrDefault() ?? []),
                            Strings(span, 5).FirstOrDefault() ?? "",
                            scope,
                            Attributes(span, 9),
                            (int)Varints(status, 3).FirstOrDefault(),
                            resource));
                    }
                }
            }
        }

        return spans;
    }

    /// <summary>The attribute sets of every data point of the metric named <paramref name="name"/> (sums and histograms).</summary>
    public List<Dictionary<string, object?>> MetricPoints(string name)
    {
        byte[][] requests;
        lock (_metrics) requests = [.. _metrics];
        var points = new List<Dictionary<string, object?>>();
        foreach (var metric in requests.SelectMany(r => Messages(r, 1)).SelectMany(rm => Messages(rm, 2)).SelectMany(sm => Messages(sm, 2)))
        {
            if (Strings(metric, 1).FirstOrDefault() != name) continue;
            foreach (var sum in Messages(metric, 7)) points.AddRange(Messages(sum, 1).Select(p => Attributes(p, 7)));
            foreach (var histogram in Messages(metric, 9)) points.AddRange(Messages(histogram, 1).Select(p => Attributes(p, 9)));
        }

        return points;
    }

    /// <summary>One span as received: ids in hex, name, instrumentation scope, attributes, status code (2: error).</summary>
    public sealed record Span(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, Dictionary<string, object?> Attributes, int StatusCode, Dictionary<string, object?> Resource);

    private static Dictionary<string, object?> Attributes(byte[] message, int field)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var keyValue in Messages(message, field))
        {
            var key = Strings(keyValue, 1).FirstOrDefault() ?? "";
            var any = Messages(keyValue, 2).FirstOrDefault() ?? [];
            object? value = null;
            foreach (var (number, raw) in Fields(any))
            {
                value = number switch
                {
                    1 => ((ByteString)raw).ToStringUtf8(),
                    2 => (ulong)raw != 0,
                    3 => (long)(ulong)raw,
                    4 => BitConverter.UInt64BitsToDouble((ulong)raw),
                    _ => value,
                };
            }

            attributes[key] = value;
        }

        return attributes;
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int field) => Bytes(message, field);

    private static IEnumerable<byte[]> Bytes(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Value is ByteString).Select(f => ((ByteString)f.Value).ToByteArray());

    private static IEnumerable<string> Strings(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Value is ByteString).Select(f => ((ByteString)f.Value).ToStringUtf8());

    private static IEnumerable<ulong> Varints(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Value is ulong).Select(f => (ulong)f.Value);

    /// <summary>The fields of one message: varints and fixed numbers as ulong, length-delimited ones as bytes.</summary>
    private static List<(int Number, object Value)> Fields(byte[] message)
    {
        var fields = new List<(int, object)>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint: fields.Add((number, input.ReadUInt64())); break;
                case WireFormat.WireType.Fixed64: fields.Add((number, input.ReadFixed64())); break;
                case WireFormat.WireType.Fixed32: fields.Add((number, (ulong)input.ReadFixed32())); break;
                case WireFormat.WireType.LengthDelimited: fields.Add((number, input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }

        return fields;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
