using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace WeGO.Portal.Testing;

/// <summary>Says in the test run's output how long a heavy test took (load, restart, browser), passed or failed, so a
/// test that is growing slow shows up before it becomes a flaky one. A class fixture
/// (<c>IClassFixture&lt;TestDurations&gt;</c>): xunit hands it the run's diagnostic sink, whose messages <c>dotnet
/// test</c> prints at its default verbosity when the test project's xunit.runner.json turns on
/// <c>diagnosticMessages</c> (what a test writes to <see cref="ITestOutputHelper"/> or the console is shown only on
/// failure, or not at all).</summary>
public sealed class TestDurations(IMessageSink diagnostics)
{
    /// <summary>Starts timing the calling test; disposing the answer prints "<c>Class.Test took N s</c>".</summary>
    /// <param name="since">When the test's work began, if before the test method (a portal and a browser started for
    /// it).</param>
    public IDisposable Time(object testClass, long? since = null, [CallerMemberName] string test = "") =>
        new Timing(diagnostics, $"{testClass.GetType().Name}.{test}", since ?? Stopwatch.GetTimestamp());

    private sealed class Timing(IMessageSink diagnostics, string test, long started) : IDisposable
    {
        public void Dispose() =>
            diagnostics.OnMessage(
                new DiagnosticMessage(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{test} took {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s"
                    )
                )
            );
    }
}
