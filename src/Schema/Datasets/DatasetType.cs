using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Sources;

namespace RlhfGraph.Schema.Datasets;

internal sealed class DatasetType : ObjectGraphType<Dataset>, IEntityGraphType
{
    public static readonly EntityModel<Dataset> Members = new EntityModel<Dataset>("Dataset", d => d.Id)
        .String("name", d => d.Name, "Canonical name (\"CNN/DM\" and \"CNN Daily Mail\" are one dataset). Filters and sorting ignore case.", required: true)
        .String("url", d => d.Url, "Link to the dataset when any list gives one.")
        .Strings("aliases", d => d.Aliases.Select(a => a.Name), "Other names the lists use for it.")
        .Many<Paper, PaperType>("papers", d => d.Papers.Select(p => p.Paper!), "Papers using or introducing the dataset.")
        .Many<Codebase, CodebaseType>("codebases", d => d.Codebases.Select(c => c.Codebase!), "Codebases working with the dataset.");

    public static IEntityModel Model => Members;

    public static readonly Connection<Dataset, Dataset> All = new(Members, d => d, d => d.Id);

    public static readonly Connection<PaperDataset, Dataset> OfPaper = new(Members, l => l.Dataset!, l => l.DatasetId);

    public static readonly Connection<CodebaseDataset, Dataset> OfCodebase = new(Members, l => l.Dataset!, l => l.DatasetId);

    /// <summary>An alias is read as its name only: a model for the planner, never a GraphQL type.</summary>
    private static readonly EntityModel<DatasetAlias> AliasModel = new EntityModel<DatasetAlias>("DatasetAlias", a => a.Id, isNode: false)
        .String("name", a => a.Name, "Another name of the dataset.", Capabilities.None, required: true);

    /// <summary>A dataset's other names, alphabetically (the plain list `Dataset.aliases`).</summary>
    private static readonly Connection<DatasetAlias, DatasetAlias> Aliases = new(AliasModel, a => a, a => a.Id,
        new Querying.Sorting.SortKey("name", (System.Linq.Expressions.Expression<Func<DatasetAlias, string>>)(a => a.Name), Descending: false));

    public DatasetType()
    {
        this.ImplementNode(Members, "A dataset, merged across spellings and aliases; datasets that are also papers link to them.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names the lists use for this dataset, alphabetically.")
            .ResolveValues(Aliases, d => d.Aliases, AliasModel.FindScalar("name")!, d => d.Id);

        this.ConnectionField<Dataset, PaperType>("papers", "Papers using or introducing this dataset, newest first unless `order` is given.")
            .ResolvePages(PaperType.OfDataset, d => d.Id, d => d.Papers);

        this.ConnectionField<Dataset, CodebaseType>("codebases", "Codebases working with this dataset.")
            .ResolvePages(CodebaseType.OfDataset, d => d.Id, d => d.Codebases);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every place a list mentions this dataset: list, section and line.")
            .ResolveAll(MentionType.Of<Dataset>(d => d.Mentions), d => d.Id);
    }
}
