using System.Text;

namespace GigaEvo.Core.Infrastructure.LocalFiles;

internal static class AtomicFile
{
    /// <summary>
    /// Writes to a temporary file, then renames it over the target: a crash of the process (kill -9) leaves
    /// the old or the new version, never a torn one. No fsync: the page cache outlives the process, and a
    /// per-write fsync cost more than a whole evaluation on this path.
    /// </summary>
    public static void Write(string path, string text)
    {
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        File.Move(tmp, path, overwrite: true);
    }
}
