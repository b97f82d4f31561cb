using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Api.Cli;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>The committed SDL is the live schema, and everything in it is described for the people reading it in the IDE.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class SchemaTests(SqliteApiFactory api)
{
    private ISchema Schema
    {
        get
        {
            var schema = api.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    [Fact]
    public void TheCommittedSchemaFileEqualsTheLiveSchema()
    {
        var committed = File.ReadAllText(SchemaFile.DefaultPath(AppContext.BaseDirectory)).ReplaceLineEndings("\n");

        Assert.True(committed == SchemaFile.Render(Schema),
            "src/Schema/schema.graphql is out of date: run `dotnet run --project src/Api -- schema export` and commit the result.");
    }

    [Fact]
    public void EveryTypeFieldArgumentAndEnumValueHasADescription()
    {
        var missing = new List<string>();
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            }

            if (type is EnumerationGraphType enumeration)
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void TheSchemaUsesHotChocolateNames()
    {
        var names = Schema.AllTypes.Select(t => t.Name).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "Node", "PageInfo", "PapersConnection", "PapersEdge", "AuthorsConnection", "PaperCodebasesConnection", "PaperCodebasesEdge",
            "PaperFilterInput", "PaperSortInput", "SortEnumType", "StringOperationFilterInput", "IntOperationFilterInput",
            "BooleanOperationFilterInput", "PaperKindOperationFilterInput", "ListFilterInputTypeOfAuthorFilterInput",
            "ListStringOperationFilterInput", "CodeRelation", "AuthorKind", "PaperKind", "KeywordCategory",
        }, names);
    }
}
