using System.Text;
using GraphQL;
using GraphQL.Execution;
using RlhfGraph.Schema.Faults;

namespace RlhfGraph.Tests.Faults;

/// <summary>No .NET exception name reaches a client: graphql-dotnet would derive code and codes from the exception types.</summary>
public sealed class ClientErrorInfoProviderTests
{
    public static TheoryData<Exception> Exceptions => [new KeyNotFoundException("k"), new DecoderFallbackException("d"), new InvalidOperationException("i", new ArgumentException("a"))];

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void AnUnhandledExceptionIsAnInternalErrorWithoutItsTypeNames(Exception exception)
    {
        foreach (var development in (bool[])[false, true])
        {
            var info = new ClientErrorInfoProvider(development).GetInfo(new UnhandledError("Error trying to resolve field 'x'.", exception));

            Assert.Equal("INTERNAL_SERVER_ERROR", info.Extensions!["code"]);
            Assert.False(info.Extensions.ContainsKey("codes"));
        }
    }

    [Fact]
    public void OurOwnCodesAreKept()
    {
        var info = new ClientErrorInfoProvider(false).GetInfo(new ExecutionError("bad") { Code = "INVALID_FILTER" });

        Assert.Equal("INVALID_FILTER", info.Extensions!["code"]);
        Assert.False(info.Extensions.ContainsKey("codes"));
        Assert.False(info.Extensions.ContainsKey("legacyCode"));
    }

    [Fact]
    public void AHotChocolateCodeKeepsThePreviousNameInLegacyCode()
    {
        var info = new ClientErrorInfoProvider(false).GetInfo(new ExecutionError("bad") { Code = "HC0078" });

        Assert.Equal("HC0078", info.Extensions!["code"]);
        Assert.Equal("INVALID_CURSOR", info.Extensions["legacyCode"]);
    }
}
