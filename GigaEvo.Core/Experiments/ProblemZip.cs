using System.IO.Compression;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// Unpacks an uploaded problem zip entry by entry within limits: a small zip can hold gigabytes ("zip bomb"),
/// so the bytes actually written are counted (the entries' declared sizes can lie) and entries that would
/// land outside the folder ("zip slip": <c>../x</c>, absolute paths) are refused.
/// </summary>
public static class ProblemZip
{
    /// <summary>Extracts into <paramref name="destination"/>; <see cref="TooLargeException"/> over a limit, <see cref="InvalidDataException"/> for an unsafe entry.</summary>
    public static void Extract(string zip, string destination, long maxBytes, int maxEntries, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        using var archive = ZipFile.OpenRead(zip);
        if (archive.Entries.Count > maxEntries)
        {
            throw new TooLargeException($"the zip holds {archive.Entries.Count} entries, over the limit of {maxEntries} (Platform:MaxProblemEntries)");
        }
        var written = 0L;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var target = Target(root, entry.FullName);
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(target);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var input = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > maxBytes)
                {
                    throw new TooLargeException(
                        $"the zip unpacks to more than {maxBytes / 1024 / 1024} MiB (Platform:MaxProblemUnpackedMb); a problem directory should be small");
                }
                output.Write(buffer, 0, read);
            }
        }
    }

    private static string Target(string root, string entryName)
    {
        var name = entryName.Replace('\\', '/');
        if (name.Length == 0 || name.StartsWith('/') || Path.IsPathRooted(name) || name.Contains('\0', StringComparison.Ordinal)
            || name.Split('/').Any(part => part == ".."))
        {
            throw new InvalidDataException($"the entry '{entryName}' would be written outside the problem directory");
        }
        var target = Path.GetFullPath(Path.Combine(root, name));
        return target.StartsWith(root, StringComparison.Ordinal) || target + Path.DirectorySeparatorChar == root
            ? target
            : throw new InvalidDataException($"the entry '{entryName}' would be written outside the problem directory");
    }
}
