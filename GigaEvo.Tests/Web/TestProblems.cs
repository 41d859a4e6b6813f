using System.IO.Compression;
using System.Text;

namespace GigaEvo.Tests.Web;

/// <summary>Problem directories and datasets made by the tests.</summary>
public static class TestProblems
{
    /// <summary>A problem whose initial program sleeps <paramref name="sleepSeconds"/> inside Python, as a zip.</summary>
    public static byte[] SlowProblemZip(int sleepSeconds = 60) => Zip(new Dictionary<string, string>
    {
        ["slow/task_description.txt"] = "Return a number after a while.",
        ["slow/metrics.yaml"] = """
            specs:
              fitness:
                description: the number
                is_primary: true
                lower_bound: 0
                upper_bound: 100
                sentinel_value: -1
              is_valid:
                description: validity
                lower_bound: 0
                upper_bound: 1
            """,
        ["slow/validate.py"] = "def validate(output):\n    return {'fitness': float(output), 'is_valid': 1}\n",
        ["slow/initial_programs/a.py"] = $"import time\n# EVOLVE-BLOCK-START\ndef entrypoint():\n    time.sleep({sleepSeconds})\n    return 1.5\n# EVOLVE-BLOCK-END\n",
    });

    /// <summary>A problem whose validator always raises: every program is invalid.</summary>
    public static byte[] NeverValidProblemZip() => Zip(new Dictionary<string, string>
    {
        ["never/task_description.txt"] = "Nothing passes.",
        ["never/metrics.yaml"] = """
            specs:
              fitness:
                description: the number
                is_primary: true
                lower_bound: 0
                upper_bound: 100
                sentinel_value: -1
              is_valid:
                description: validity
                lower_bound: 0
                upper_bound: 1
            """,
        ["never/validate.py"] = "def validate(output):\n    raise ValueError('rejected by the test validator')\n",
        ["never/initial_programs/a.py"] = "# EVOLVE-BLOCK-START\ndef entrypoint():\n    return 1.5\n# EVOLVE-BLOCK-END\n",
    });

    /// <summary>A zip whose problem lacks validate.py and has a syntax error.</summary>
    public static byte[] BrokenProblemZip() => Zip(new Dictionary<string, string>
    {
        ["task_description.txt"] = "Broken.",
        ["metrics.yaml"] = "specs:\n  fitness:\n    is_primary: true\n    lower_bound: 0\n    upper_bound: 1\n    sentinel_value: -1\n  is_valid:\n    lower_bound: 0\n    upper_bound: 1\n",
        ["initial_programs/a.py"] = "def entrypoint(:\n    return 1\n",
    });

    public static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return memory.ToArray();
    }

    /// <summary>A small classification CSV: two numeric features and a label that follows the first.</summary>
    public static byte[] ClassificationCsv(int rows = 40)
    {
        var csv = new StringBuilder("width,height,label\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i * 0.5},{(i * 7) % 11},{(i < rows / 2 ? "small" : "large")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
