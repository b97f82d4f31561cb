using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// A body that stops arriving (Kestrel's minimum data rate aborts it) and a client that hangs up mid-body, over a real
/// socket (issue 18 case 10): each is one information line saying so, never an unhandled exception.
/// </summary>
public sealed class SlowClientTests(SqliteEngine engine) : IAsyncLifetime
{
    private readonly SlowBodyApiFactory _api = new(engine);

    public ValueTask InitializeAsync() => _api.InitializeAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private async Task<Socket> ConnectAndSendHalfABodyAsync()
    {
        var address = _api.BaseAddress;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        var head = $"POST /graphql HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"query\":";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        return socket;
    }

    /// <summary>Waits (up to a minute, for a loaded machine) until the API has logged about the abandoned request.</summary>
    private async Task<LogCapture.Entry> AbandonedAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (_api.Logs.Entries.FirstOrDefault(e => e.Category.EndsWith("GraphQLEndpoint", StringComparison.Ordinal)) is { } entry) return entry;
            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("nothing logged: " + string.Join("\n", _api.Logs.Entries));
    }

    [Fact]
    public async Task ABodyThatStopsArrivingIsLoggedAsAbandonedNotAsAnUnhandledException()
    {
        using var socket = await ConnectAndSendHalfABodyAsync();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        var entry = await AbandonedAsync();

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Empty(_api.Logs.Alarms);
    }

    [Fact]
    public async Task AClientHangingUpMidBodyIsLoggedAsSuch()
    {
        using (var socket = await ConnectAndSendHalfABodyAsync())
        {
            socket.Close();
        }

        var entry = await AbandonedAsync();

        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Empty(_api.Logs.Alarms);
    }

    /// <summary>The API on a loopback port with a one-second grace for slow bodies (Kestrel's default is five), logging from Information.</summary>
    private sealed class SlowBodyApiFactory : ApiFactory
    {
        public SlowBodyApiFactory(SqliteEngine engine)
            : base(engine) =>
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, 0);
                options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
            });

        public LogCapture Logs { get; } = new(LogLevel.Information);

        public Uri BaseAddress
        {
            get
            {
                StartServer();
                return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(Logs));
        }
    }
}
