using System.Net;
using Hangfire.Dashboard;

namespace GigaEvo.Web.Infrastructure.Hangfire;

/// <summary>The Hangfire dashboard answers requests from this machine only (loopback or the server's own address).</summary>
public sealed class LocalRequestsOnlyFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var connection = context.GetHttpContext().Connection;
        return IsLocal(connection.RemoteIpAddress, connection.LocalIpAddress);
    }

    public static bool IsLocal(IPAddress? remote, IPAddress? local) =>
        remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(local));
}
