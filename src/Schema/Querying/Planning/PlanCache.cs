using GraphQL;
using GraphQLParser;
using Microsoft.Extensions.Options;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Compiled statements per document, operation, root field and variables, so a repeated request (a dashboard, an
/// app's fixed operations) skips planning and SQL writing and runs the statement it ran before. Bounded by bytes
/// (<see cref="PlanningOptions.CacheBytes"/>) and junk-proof like the document cache: admitted on second use only.
/// </summary>
internal sealed class PlanCache(IOptions<PlanningOptions> options)
{
    private readonly AdmissionCache<Key, CompiledStatement> _statements = new(() => options.Value.CacheBytes);

    internal int Count => _statements.Count;

    internal long Bytes => _statements.Bytes;

    public static Key KeyOf(IResolveFieldContext context) => new(
        context.Document.Source,
        context.Operation.Name?.StringValue,
        context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue,
        context.UserContext.TryGetValue(ArgumentValues.RawVariablesKey, out var variables) && variables is not null
            ? System.Text.Json.JsonSerializer.Serialize(variables)
            : "");

    public bool TryGet(Key key, out CompiledStatement statement) => _statements.TryGet(key, out statement);

    public void Offer(Key key, CompiledStatement statement) => _statements.Offer(key, statement, SizeOf(key, statement));

    /// <summary>The key's texts (the document stays alive through it) and the statement's, parameters and readers.</summary>
    internal static long SizeOf(Key key, CompiledStatement statement)
    {
        var size = 512 + (2L * (key.Document.Length + key.Variables.Length + statement.Sql.Length));
        foreach (var parameter in statement.Parameters) size += 32 + (parameter is string text ? 2L * text.Length : 8);
        return size + (256L * statement.Roots.Sum(Levels));

        static int Levels(CompiledLevel level) => 1 + level.Children.Sum(c => Levels(c.Level));
    }

    /// <summary>What a statement depends on: the document (by content), the operation, the root field's response key and the variables.</summary>
    internal readonly struct Key(ROM document, string? operation, string responseKey, string variables) : IEquatable<Key>
    {
        public ROM Document { get; } = document;

        public string? Operation { get; } = operation;

        public string ResponseKey { get; } = responseKey;

        public string Variables { get; } = variables;

        public bool Equals(Key other) =>
            string.Equals(ResponseKey, other.ResponseKey, StringComparison.Ordinal) && string.Equals(Operation, other.Operation, StringComparison.Ordinal)
            && string.Equals(Variables, other.Variables, StringComparison.Ordinal) && Document.Span.SequenceEqual(other.Document.Span);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(string.GetHashCode(Document.Span), ResponseKey, Operation, Variables);
    }
}
