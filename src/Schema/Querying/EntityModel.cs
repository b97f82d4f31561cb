using System.Linq.Expressions;
using GraphQL.Types;

namespace RlhfGraph.Schema.Querying;

/// <summary>
/// What clients may read, filter and sort on an entity, declared one line per member in the
/// entity's graph type. The filter and sort input types and the expression builders are generated
/// from it, so exposing a member never takes a new class.
/// </summary>
internal sealed class EntityModel<T>(string graphName, Expression<Func<T, int>> id, bool isNode = true) : IEntityModel
    where T : class
{
    private readonly List<ScalarMember> _scalars = [];
    private readonly List<ListMember> _lists = [];

    public string GraphName { get; } = graphName;

    public Type EntityType => typeof(T);

    /// <summary>Whether the entity is a Node with a global id, which filters and sorts get an `id` field for.</summary>
    public bool IsNode { get; } = isNode;

    public Expression<Func<T, int>> Id { get; } = id;

    LambdaExpression IEntityModel.Id => Id;

    public IReadOnlyList<ScalarMember> Scalars => _scalars;

    public IReadOnlyList<ListMember> Lists => _lists;

    /// <summary>A text member; <paramref name="required"/> makes it String! (expression trees lose nullable annotations).</summary>
    public EntityModel<T> String(string name, Expression<Func<T, string?>> member, string description, Capabilities capabilities = Capabilities.FilterAndSort, bool required = false) =>
        Add(new ScalarMember(name, description, member, MemberKind.String, capabilities, null, required));

    public EntityModel<T> Int(string name, Expression<Func<T, int?>> member, string description, Capabilities capabilities = Capabilities.FilterAndSort) =>
        Add(new ScalarMember(name, description, member, MemberKind.Int, capabilities, null, false));

    public EntityModel<T> Int(string name, Expression<Func<T, int>> member, string description, Capabilities capabilities = Capabilities.FilterAndSort) =>
        Add(new ScalarMember(name, description, member, MemberKind.Int, capabilities, null, true));

    public EntityModel<T> Boolean(string name, Expression<Func<T, bool>> member, string description, Capabilities capabilities = Capabilities.FilterAndSort) =>
        Add(new ScalarMember(name, description, member, MemberKind.Boolean, capabilities, null, true));

    public EntityModel<T> Enum<TEnum, TEnumGraphType>(string name, Expression<Func<T, TEnum>> member, string description, Capabilities capabilities = Capabilities.FilterAndSort)
        where TEnum : struct, System.Enum
        where TEnumGraphType : EnumerationGraphType<TEnum> =>
        Add(new ScalarMember(name, description, member, MemberKind.Enum, capabilities, typeof(TEnumGraphType), true));

    /// <summary>A to-many relation filterable with all/none/some/any over the related entity's own filter.</summary>
    public EntityModel<T> Many<TElement, TElementGraphType>(string name, Expression<Func<T, IEnumerable<TElement>>> navigation, string description)
        where TElement : class
        where TElementGraphType : IEntityGraphType
    {
        _lists.Add(new ListMember(name, description, navigation, typeof(TElement), typeof(TElementGraphType), () => TElementGraphType.Model));
        return this;
    }

    /// <summary>A list of strings filterable with all/none/some/any over string operations.</summary>
    public EntityModel<T> Strings(string name, Expression<Func<T, IEnumerable<string>>> navigation, string description)
    {
        _lists.Add(new ListMember(name, description, navigation, typeof(string), null, null));
        return this;
    }

    /// <summary>Adds an output field per scalar member, read from the loaded entity.</summary>
    public void AddFieldsTo(ComplexGraphType<T> type)
    {
        foreach (var member in _scalars)
        {
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(member.Expression.Body, typeof(object)), member.Expression.Parameters).Compile();
            Type graphType = member.Kind switch
            {
                MemberKind.String => typeof(StringGraphType),
                MemberKind.Int => typeof(IntGraphType),
                MemberKind.Boolean => typeof(BooleanGraphType),
                _ => member.EnumGraphType!,
            };
            var field = new FieldType
            {
                Name = member.Name,
                Description = member.Description,
                Type = member.Required ? typeof(NonNullGraphType<>).MakeGenericType(graphType) : graphType,
                Resolver = new GraphQL.Resolvers.FuncFieldResolver<T, object?>(context => read(context.Source)),
            };
            field.Metadata[Planning.PlanMetadata.ColumnKey] = member;
            field.Metadata[Execution.PlannedExecutionStrategy.PlainReadKey] = (Func<object, object?>)(source => read((T)source));
            type.AddField(field);
        }
    }

    public ScalarMember? FindScalar(string name) => _scalars.Find(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    private EntityModel<T> Add(ScalarMember member)
    {
        _scalars.Add(member);
        return this;
    }
}
