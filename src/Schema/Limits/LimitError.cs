using GraphQL.Validation;

namespace RlhfGraph.Schema.Limits;

/// <summary>A document refused by a limit before anything runs, with a stable extensions.code.</summary>
internal sealed class LimitError : ValidationError
{
    public LimitError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public const string TooComplex = "QUERY_TOO_COMPLEX";
    public const string TooDeep = "QUERY_TOO_DEEP";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";
    public const string DocumentTooLong = "DOCUMENT_TOO_LONG";
    public const string TooNested = "DOCUMENT_TOO_NESTED";
    public const string IntrospectionDisabled = Faults.HotChocolateCodes.IntrospectionNotAllowed;
    public const string IntrospectionTooDeep = Faults.HotChocolateCodes.MaxIntrospectionDepthOverflow;
    public const string TooManyNodes = Faults.HotChocolateCodes.FetchedTooManyNodesAtOnce;
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
    public const string ListTooLong = "LIST_TOO_LONG";
    public const string FilterTooLarge = "FILTER_TOO_LARGE";
    public const string InvalidArgument = "INVALID_ARGUMENT";
}
