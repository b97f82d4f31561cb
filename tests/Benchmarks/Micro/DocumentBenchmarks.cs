using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RlhfGraph.Persistence;
using RlhfGraph.Schema;
using RlhfGraph.Schema.Execution;

namespace RlhfGraph.Benchmarks.Micro;

/// <summary>
/// What a request pays before and around its SQL: parsing, validation, and the whole execution with and
/// without the document cache, on the real schema over a small real database (RLHFGRAPH_BENCH_DB).
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private ServiceProvider _withCache = null!;
    private ServiceProvider _withoutCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _withCache = Build(cache: true);
        _withoutCache = Build(cache: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _withCache.Dispose();
        _withoutCache.Dispose();
    }

    [Benchmark(Baseline = true)]
    public GraphQLDocument ParseOnly() => Parser.Parse(BaselineEndpoint.Query);

    [Benchmark]
    public Task<ExecutionResult> ExecuteWithoutDocumentCache() => ExecuteAsync(_withoutCache);

    [Benchmark]
    public Task<ExecutionResult> ExecuteWithDocumentCache() => ExecuteAsync(_withCache);

    private static async Task<ExecutionResult> ExecuteAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options =>
        {
            options.Query = BaselineEndpoint.Query;
            options.RequestServices = scope.ServiceProvider;
        });
        return result.Errors is { Count: > 0 } ? throw new InvalidOperationException(result.Errors[0].Message) : result;
    }

    private static ServiceProvider Build(bool cache)
    {
        var database = Environment.GetEnvironmentVariable("RLHFGRAPH_BENCH_DB") ?? throw new InvalidOperationException("Set RLHFGRAPH_BENCH_DB (the micro command does).");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RlhfGraph"] = $"Data Source={database}" });
        builder.AddPersistence();
        builder.AddGraphQLSchema();
        if (!cache)
        {
            var registration = builder.Services.Single(s => s.ImplementationType == typeof(DocumentCache));
            builder.Services.Remove(registration);
        }

        var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<ISchema>().Initialize();
        _ = services.GetServices<IConfigureExecution>().ToList();
        return services;
    }
}
