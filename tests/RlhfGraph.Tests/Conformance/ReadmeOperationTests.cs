using GraphQLParser.AST;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Conformance;

/// <summary>The README's examples are named operations with distinct names, so GraphQL Code Generator can take the file as it is.</summary>
public sealed class ReadmeOperationTests
{
    [Fact]
    public void EveryReadmeExampleIsANamedOperationWithADistinctName()
    {
        var names = RepositoryFiles.ReadmeQueries()
            .SelectMany(q => GraphQLParser.Parser.Parse(q).Definitions.OfType<GraphQLOperationDefinition>())
            .Select(o => o.Name?.StringValue)
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, Assert.NotNull);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
