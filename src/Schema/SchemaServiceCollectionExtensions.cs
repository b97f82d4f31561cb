using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Datasets;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Faults;
using RlhfGraph.Schema.Keywords;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying.Batching;
using RlhfGraph.Schema.Querying.Filtering;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sorting;
using RlhfGraph.Schema.Search;
using RlhfGraph.Schema.Stats;
using RlhfGraph.Schema.Sources;

namespace RlhfGraph.Schema;

/// <summary>Registers the schema, its graph types, the root fields of every entity and the request-scoped batching.</summary>
public static class SchemaServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGraphQLSchema(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<PagingOptions>(builder.Configuration.GetSection(PagingOptions.SectionName));
        services.Configure<Querying.Planning.PlanningOptions>(builder.Configuration.GetSection(Querying.Planning.PlanningOptions.SectionName));
        services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.SectionName));
        services.AddScoped<BatchScope>();
        services.AddSingleton<ReadContexts>();
        services.AddScoped<ReadSession>();
        services.AddScoped<Querying.Shaping.PrefetchedPages>();
        services.AddSingleton<Querying.Planning.PlanCache>();
        services.AddSingleton<Stats.StatsCache>();

        // One line per entity: its root fields and how node(id:) fetches it.
        services.AddRootFields<PaperQueries>().AddNodeType(PaperType.Members.NodeType());
        services.AddRootFields<AuthorQueries>().AddNodeType(AuthorType.Members.NodeType());
        services.AddRootFields<CodebaseQueries>().AddNodeType(CodebaseType.Members.NodeType());
        services.AddRootFields<DatasetQueries>().AddNodeType(DatasetType.Members.NodeType());
        services.AddRootFields<KeywordQueries>().AddNodeType(KeywordType.Members.NodeType());
        services.AddRootFields<SourceQueries>().AddNodeType(SourceType.Members.NodeType());
        services.AddRootFields<NodeQueries>();
        services.AddRootFields<SearchQueries>();
        services.AddRootFields<StatsQueries>();

        foreach (var type in typeof(RlhfGraphSchema).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IGraphType).IsAssignableFrom(t)))
            services.AddSingleton(type);
        foreach (var open in (Type[])[typeof(FilterInputType<>), typeof(SortInputType<>), typeof(ListFilterInputType<>),
                     typeof(EnumOperationFilterInputType<>), typeof(EdgeType<>), typeof(ConnectionType<,>)])
            services.AddSingleton(open);

        // Parsed and validated documents are reused by query text (see DocumentCache).
        services.AddSingleton<GraphQL.DI.IConfigureExecution, DocumentCache>();
        var includeDetails = builder.Configuration.GetSection(ErrorOptions.SectionName).Get<ErrorOptions>()?.IncludeDetails ?? false;
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<RlhfGraphSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(new ClientErrorInfoProvider(includeDetails))
            // Serial, with each selection collected once per request (see PlannedExecutionStrategy).
            .AddExecutionStrategy<PlannedExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            // Limits, cheapest first: counts on the document, then cost and depth (skipped when a count already refused it).
            .AddValidationRule<DocumentLimitsRule>()
            .AddValidationRule<ArgumentListsRule>()
            .AddValidationRule<QueryCost>()
            .AddUnhandledExceptionHandler((context, options) => UnhandledExceptions.HandleAsync(context,
                options.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnhandledExceptions)))));
        return builder;
    }

    private static IServiceCollection AddRootFields<T>(this IServiceCollection services)
        where T : class, IRootFields =>
        services.AddSingleton<IRootFields, T>();

    private static IServiceCollection AddNodeType(this IServiceCollection services, NodeType type) =>
        services.AddSingleton(type);
}
