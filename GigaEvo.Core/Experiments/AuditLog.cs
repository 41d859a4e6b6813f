namespace GigaEvo.Core.Experiments;

public static class AuditLog
{
    /// <summary>Adds an audit row to the caller's unit of work (saved with it).</summary>
    public static void Audit(this PlatformDbContext db, DateTimeOffset at, string action, string subject, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry { At = at, Action = action, Subject = subject, Detail = detail });
}
