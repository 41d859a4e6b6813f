using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Core.Experiments;

/// <summary>Formatted, human-readable ids: <c>EXP-20261125-0007</c> is the 7th experiment created that day (UTC).</summary>
public static class ExperimentIds
{
    public static string Format(DateTimeOffset day, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"EXP-{day.UtcDateTime:yyyyMMdd}-{number:D4}");

    public static bool IsWellFormed(string id) =>
        id.Length == 17 && id.StartsWith("EXP-", StringComparison.Ordinal) && id[12] == '-'
        && id[4..12].All(char.IsAsciiDigit) && id[13..].All(char.IsAsciiDigit);

    /// <summary>Takes the next number of the day from a counter row, in the caller's transaction.</summary>
    public static async Task<string> NextAsync(PlatformDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var name = "experiments-" + now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counter = await db.Sequences.FirstOrDefaultAsync(s => s.Name == name, ct);
        if (counter is null)
        {
            counter = new Sequence { Name = name };
            db.Sequences.Add(counter);
        }
        counter.Value++;
        return Format(now, counter.Value);
    }
}
