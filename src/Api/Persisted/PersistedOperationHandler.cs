using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.Persisted;

/// <summary>
/// Turns a document id into its text before anything else runs: trusted documents first, then (unless persisted-only)
/// Apollo's automatic persisted queries, registered by a request that sends the hash with its text. Follows
/// HotChocolate's persisted-operation pipeline (src/HotChocolate/Core/src/Execution/Pipeline/ReadPersistedOperationMiddleware.cs,
/// WritePersistedOperationMiddleware.cs) and Apollo's protocol (an unknown hash is PERSISTED_QUERY_NOT_FOUND, which
/// apollo-link-persisted-queries answers by sending the text). graphql-dotnet's own PersistedDocumentHandler reads only
/// "sha256:"-prefixed documentIds and has no automatic registration, so it is not used.
/// </summary>
internal sealed class PersistedOperationHandler(TrustedDocuments trusted, IOptions<PersistedOperationsOptions> options) : IConfigureExecution, IDisposable
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string InvalidId = "PERSISTED_QUERY_INVALID_ID";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string OnlyPersisted = Schema.Faults.HotChocolateCodes.OnlyPersistedOperationsAllowed;

    private readonly PersistedOperationsOptions _options = options.Value;

    private readonly MemoryCache _registered = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.AutomaticCacheSize) });

    /// <summary>Registered (automatic) documents held now; at most <see cref="PersistedOperationsOptions.AutomaticCacheSize"/>.</summary>
    internal int RegisteredCount => _registered.Count;

    /// <summary>Before the document cache (200), which looks documents up by their text.</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var id = options.DocumentId ?? ApolloHash(options.Extensions);
        if (string.IsNullOrWhiteSpace(options.Query)) options.Query = null;
        if (id is null)
        {
            if (_options.OnlyPersisted && (options.Query is null || !trusted.Documents.ContainsKey(DocumentHash.Of(options.Query))))
                return Refuse(OnlyPersisted, "This server runs only persisted operations: send the id of a trusted document (see `persisted write`).");
            return next(options);
        }

        if (DocumentHash.Parse(id) is not { } hash)
            return Refuse(InvalidId, $"'{Shorten(id)}' is not a document id: expected the SHA-256 of the document as 64 hex digits (optionally prefixed 'sha256:'), or its MD5 as HotChocolate writes it (Base64 or 32 hex digits).");

        if (options.Query is null)
        {
            if (trusted.TryGet(hash, out var text) || (!_options.OnlyPersisted && _options.Automatic && _registered.TryGetValue(hash, out text)))
            {
                options.Query = text;
                return next(options);
            }

            return Refuse(NotFound, _options.OnlyPersisted || !_options.Automatic
                ? $"No trusted document has the id {hash}."
                : $"No document has the id {hash}: send it again with its query to register it.");
        }

        if (!DocumentHash.Matches(hash, options.Query))
            return Refuse(HashMismatch, $"The id {hash} is not the hash of the query sent with it.");
        if (!trusted.TryGet(hash, out _))
        {
            if (_options.OnlyPersisted)
                return Refuse(OnlyPersisted, "This server runs only persisted operations: new documents cannot be registered.");
            if (_options.Automatic) _registered.Set(hash, options.Query, new MemoryCacheEntryOptions { Size = 1 });
        }

        return next(options);
    }

    private static string? ApolloHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var value) == true
        && value is IReadOnlyDictionary<string, object?> persisted && persisted.TryGetValue("sha256Hash", out var hash) && hash is string text
            ? text : extensions?.ContainsKey("persistedQuery") == true ? string.Empty : null;

    private static Task<ExecutionResult> Refuse(string code, string message) =>
        Task.FromResult(new ExecutionResult { Executed = false, Errors = [new ExecutionError(message) { Code = code }] });

    private static string Shorten(string id) => id.Length > 80 ? $"{id[..80]}…" : id;

    public void Dispose() => _registered.Dispose();
}
