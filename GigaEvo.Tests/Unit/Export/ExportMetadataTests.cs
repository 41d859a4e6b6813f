using GigaEvo.Core.Export;

namespace GigaEvo.Tests.Unit.Export;

public sealed class ExportMetadataTests
{
    [Fact]
    public void WithoutLocalPaths_KeepsOnlyTheLastSegmentOfAbsolutePaths()
    {
        const string yaml = "problem:\n  name: heilbron\n  dir: /srv/data/artifacts/experiments/EXP-1/problem/heilbron\noutput:\n  run_dir: '/srv/data/runs/1/'\n  note: relative/path\nllm:\n  base_url: http://host/v1\nwin: C:\\data\\x\n# overrides: problem.dir=/srv/p/heilbron\n";
        var clean = ExportBundle.WithoutLocalPaths(yaml);
        Assert.DoesNotContain("/srv", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("C:\\", clean, StringComparison.Ordinal);
        Assert.Contains("  dir: <local>/heilbron\n", clean, StringComparison.Ordinal);
        Assert.Contains("  run_dir: '<local>/1'", clean, StringComparison.Ordinal);
        Assert.Contains("  note: relative/path\n", clean, StringComparison.Ordinal);
        Assert.Contains("  base_url: http://host/v1\n", clean, StringComparison.Ordinal);
        Assert.Contains("  name: heilbron\n", clean, StringComparison.Ordinal);
        Assert.Contains("win: <local>/x\n# overrides: problem.dir=<local>/heilbron\n", clean, StringComparison.Ordinal);
    }
}
