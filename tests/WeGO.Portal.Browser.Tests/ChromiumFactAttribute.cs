namespace WeGO.Portal.Browser.Tests;

/// <summary>A browser test. It runs against Debian's Chromium; on a developer machine without it the test is
/// skipped with the command that installs it, but under CI=true a missing browser fails the run.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath) && !Browser.RunningInCi)
        {
            Skip =
                $"Chromium not found at {Browser.ChromiumPath}: "
                + "install it with `sudo apt-get install -y chromium` to run the browser tests.";
        }
    }
}
