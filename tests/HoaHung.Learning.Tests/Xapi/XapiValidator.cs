using System.Diagnostics;
using HoaHung.Learning.Tests.Infrastructure;

namespace HoaHung.Learning.Tests.Xapi;

/// <summary>
/// Runs <c>node tests/xapi/validate.js</c> (@learninglocker/xapi-validation, pinned in tests/xapi/package.json and
/// installed by <c>npm ci</c> in tests/run.sh) on statements. Locally, without node or the package, the test is
/// skipped saying what to install; under CI=true it fails.
/// </summary>
public static class XapiValidator
{
    public static string Folder => Path.Combine(TestEnvironment.RepoRoot, "tests", "xapi");

    public static void Require()
    {
        string? missing = null;
        if (!File.Exists(Path.Combine(Folder, "node_modules", "@learninglocker", "xapi-validation", "package.json")))
            missing = "the xAPI validator is not installed: run `npm ci --prefix tests/xapi` (tests/run.sh does)";
        else if (!OnPath("node"))
            missing = "node is not installed (apt-get install nodejs)";
        if (missing is null)
            return;
        if (TestEnvironment.IsCi)
            Assert.Fail(missing);
        Assert.Skip(missing);
    }

    /// <summary>The validator's verdict: exit code and its one line of JSON.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string statementsJson)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "validate.js")])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(statementsJson);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, output + errors);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
