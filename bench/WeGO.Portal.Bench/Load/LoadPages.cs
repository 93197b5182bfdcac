namespace WeGO.Portal.Bench.Load;

/// <summary>A page under load: GET <see cref="Path"/>, or with <see cref="Form"/> a form POST to it. <c>{visit}</c> in
/// a path becomes a random visit id for each request. <see cref="Baseline"/> is the same SQL as a bare page
/// (bench/WeGO.Portal.Baseline, served only by the benchmark's host). A <see cref="Public"/> page
/// is loaded without signing in, as the public sees it; the others as the bench administrator. <c>{release}</c> becomes
/// the newest English release's address part.</summary>
internal sealed record LoadPage(string Name, string Path, string? Baseline = null)
{
    /// <summary>The throughput target for this page, if it has one (requests/s at 64 connections).</summary>
    public double? TargetRps { get; init; }

    /// <summary>The stack's floor (the health probe, a static file): no page, measured in the same run so every page's
    /// share of it can be read beside its own figure.</summary>
    public bool Floor { get; init; }

    public FormPost? Form { get; init; }

    public bool Public { get; init; }

    /// <summary>Each request adds rows (the public form's POST): warmed up just before its own timed run rather than
    /// with the others, so the pages measured before it read the database as generated.</summary>
    public bool Stores { get; init; }
}

/// <summary>A form POST: the form page is opened once (antiforgery cookie and token), then the fields are posted again
/// and again.</summary>
internal sealed record FormPost(string FormPath, IReadOnlyList<KeyValuePair<string, string>> Fields);

internal static class LoadPages
{
    public const string HealthProbe = "health probe (floor)";

    /// <summary>What `load` measures, in order: adding a page is one line. The public form's POST comes last, because
    /// every accepted post adds an inquiry (and two outbox messages) to the database the other pages read.</summary>
    public static readonly IReadOnlyList<LoadPage> All =
    [
        new(HealthProbe, "/health/live") { Public = true, Floor = true },
        new("static file (floor)", "/css/site.css") { Public = true, Floor = true },
        new("visits list", "/Visits", Baseline: "/Baseline/Visits") { TargetRps = 1500 },
        new("visit page", "/Visits/Details/{visit}", Baseline: "/Baseline/Visit/{visit}") { TargetRps = 1500 },
        new("inquiry pipeline", "/Membership/Inquiries", Baseline: "/Baseline/Inquiries") { TargetRps = 1500 },
        new("dashboard", "/Dashboard", Baseline: "/Baseline/Dashboard") { TargetRps = 500 },
        new("home", "/"),
        new("overdue follow-ups", "/FollowUps/Overdue"),
        new("visit requests", "/VisitRequests"),
        new("news (public)", "/news") { Public = true, TargetRps = 5000 },
        new("release (public)", "/news/{release}") { Public = true, TargetRps = 5000 },
        new("home (public)", "/") { Public = true, TargetRps = 5000 },
        new("member directory (public)", "/members") { Public = true, TargetRps = 5000 },
        new("public form (GET)", "/Membership/Join", Baseline: "/Baseline/Join") { Public = true, TargetRps = 1500 },
        new("visit-request form (GET)", "/VisitRequests/Ask") { Public = true, TargetRps = 1500 },
        new("language switch (form POST)", "/Culture?returnUrl=%2FVisits")
        {
            Form = new FormPost("/Visits", [new("culture", "en")]),
        },
        new("public form (POST)", "/Membership/Join", Baseline: "/Baseline/Join")
        {
            Public = true,
            Stores = true,
            Form = new FormPost(
                "/Membership/Join",
                [
                    new("Input.OrganizationName", "Seremban City Council"),
                    new("Input.CountryCode", "MY"),
                    new("Input.Kind", "LocalGovernment"),
                    new("Input.Population", "681000"),
                    new("Input.ContactName", "Aida Rahman"),
                    new("Input.ContactPosition", "Director of Planning"),
                    new("Input.Email", "aida.rahman@example.org"),
                    new("Input.Phone", "+60 6 765 0000"),
                    new("Input.PreferredLanguage", "es"),
                    new("Input.Interests", "CapacityBuilding"),
                    new("Input.Interests", "SmartCityChampions"),
                    new("Input.HeardFrom", "Our visit to Seoul"),
                    new("Input.Message", "After our delegation's visit we would like to know how to become a member."),
                    new("Input.ConsentGiven", "true"),
                ]
            ),
        },
    ];
}
