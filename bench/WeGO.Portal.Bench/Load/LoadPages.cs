namespace WeGO.Portal.Bench.Load;

/// <summary>A page under load: GET <see cref="Path"/>, or with <see cref="Form"/> a form POST to it. <c>{visit}</c> in a
/// path becomes a random visit id for each request. <see cref="Baseline"/> is the same SQL as a bare page
/// (src/WeGO.Portal.Web/Pages/Baseline, served only with Portal:Benchmarks:Baseline=true).</summary>
internal sealed record LoadPage(string Name, string Path, string? Baseline = null)
{
    public FormPost? Form { get; init; }
}

/// <summary>A form POST: the form page is opened once (antiforgery cookie and token), then the fields are posted again and again.</summary>
internal sealed record FormPost(string FormPath, IReadOnlyList<KeyValuePair<string, string>> Fields);

internal static class LoadPages
{
    /// <summary>What `load` measures, in order: adding a page is one line. Pages still to come (and their baselines):
    /// see "Pages still without a baseline" in docs/performance.md.</summary>
    public static readonly IReadOnlyList<LoadPage> All =
    [
        new("visits list", "/Visits", Baseline: "/Baseline/Visits"),
        new("visit page", "/Visits/Details/{visit}", Baseline: "/Baseline/Visit/{visit}"),
        new("home", "/"),
        new("overdue follow-ups", "/FollowUps/Overdue"),
        new("language switch (form POST)", "/Culture?returnUrl=%2FVisits")
        {
            Form = new FormPost("/Visits", [new("culture", "en")]),
        },
        // new("inquiries pipeline", "/Inquiries", Baseline: "/Baseline/Inquiries"),
        // new("dashboard", "/Dashboard", Baseline: "/Baseline/Dashboard"),
        // new("public form (form POST)", "/join") { Form = new FormPost("/join", [new("OrganizationName", "Bench City"), ...]) },
    ];
}
