using System.Text;

namespace GigaEvo.Core.Infrastructure.LocalFiles;

internal static class AtomicFile
{
    /// <summary>Writes to a temporary file, flushes it to disk, then renames it over the target.</summary>
    public static void Write(string path, string text)
    {
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }
}
