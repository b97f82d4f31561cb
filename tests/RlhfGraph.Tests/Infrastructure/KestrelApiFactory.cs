using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// The API on a real loopback port (Kestrel, port chosen by the OS) over the seeded SQLite database,
/// for clients that cannot use the in-memory test server: a browser.
/// </summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory(SqliteEngine engine)
        : base(engine) =>
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server on first use and returns where it listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }
}
