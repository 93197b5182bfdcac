using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Bench.Generation;

/// <summary>The Secretariat's words the generated data is made of: staff, venues, titles, topics, agenda
/// items.</summary>
internal static class Vocabulary
{
    public static readonly (string Name, string Title)[] Staff =
    [
        ("Jeong-kee Kim", "Secretary General"),
        ("Lii Inn Tan", "Program Director"),
        ("Ji-won Park", "Program Officer"),
        ("Min-seo Lee", "Partnership Manager"),
        ("Hyun-woo Choi", "Membership Officer"),
        ("Seo-yeon Jung", "Communications Officer"),
        ("Daniel Ortega", "Program Officer"),
        ("Amira Haddad", "Regional Coordinator"),
        ("Nurlan Abenov", "Regional Coordinator"),
        ("Chidi Okafor", "Regional Coordinator"),
        ("Sofía Herrera", "Regional Coordinator"),
        ("Wei Zhang", "Regional Coordinator"),
        ("Elif Yılmaz", "Regional Coordinator"),
    ];

    public const string ProgramDirector = "Lii Inn Tan";

    /// <summary>Where visits take place, weighted towards the Secretariat in Seoul.</summary>
    public static readonly (string Venue, string TimeZoneId, float Weight)[] Venues =
    [
        ("WeGO Secretariat, Seoul", "Asia/Seoul", 0.55f),
        ("Seoul City Hall", "Asia/Seoul", 0.10f),
        ("Seoul Digital Foundation", "Asia/Seoul", 0.05f),
        ("Regional Office for East Asia, Chengdu", "Asia/Shanghai", 0.05f),
        ("Regional Office for the Mediterranean, Beyoglu", "Europe/Istanbul", 0.05f),
        ("Regional Office for Africa, Abuja", "Africa/Lagos", 0.05f),
        ("Regional Office for the Middle East and North Africa, Abu Dhabi", "Asia/Dubai", 0.05f),
        ("Regional Office for Latin America, Cuenca", "America/Guayaquil", 0.05f),
        ("Regional Office for Central Asia, Almaty", "Asia/Almaty", 0.05f),
    ];

    public static readonly string[] CouncilSuffixes =
    [
        "City Council",
        "City Council",
        "City Council",
        "Metropolitan Government",
        "Municipality",
        "City Government",
        "Provincial Government",
        "Smart City Agency",
    ];

    public static readonly string[] HeadTitles =
    [
        "Mayor",
        "Deputy Mayor",
        "Governor",
        "Vice Governor",
        "Councillor",
        "Chief Information Officer",
        "Director of Smart City Policy",
        "Director General, Urban Planning",
        "Head of Digital Transformation",
        "City Manager",
    ];

    public static readonly string[] CompanyHeadTitles =
    [
        "Chief Executive Officer",
        "Managing Director",
        "Head of Public Sector",
        "President",
    ];

    public static readonly string[] DelegateTitles =
    [
        "Councillor",
        "Director of International Relations",
        "Smart City Officer",
        "IT Manager",
        "Urban Planner",
        "Policy Advisor",
        "Project Manager",
        "Head of Innovation",
        "Transport Engineer",
        "Data Officer",
    ];

    public static readonly string[] Topics =
    [
        "Membership process",
        "Cooperation opportunities",
        "Feasibility-study opportunities",
        "Capacity building",
        "Seoul Smart City Prize",
        "Smart City Champions",
        "Intelligent transport systems",
        "Open data platforms",
        "Digital government services",
        "Smart water management",
        "Waste management",
        "Disaster response",
        "Urban mobility",
        "Citizen participation",
        "Digital inclusion",
        "Cybersecurity for cities",
        "Smart lighting",
        "Climate adaptation",
        "Energy efficiency in public buildings",
        "Urban planning strategy",
        "Public safety CCTV centres",
        "Healthcare for ageing citizens",
        "E-procurement",
        "Tax administration systems",
        "Artificial intelligence in city services",
    ];

    public static readonly string[] MiddleAgendaItems =
    [
        "WeGO's activities, vision and flagship programmes",
        "Presentation of the delegation's smart-city initiatives",
        "Introduction to the Seoul Smart City Prize",
        "Briefing on capacity-building programmes",
        "Discussion: cooperation opportunities",
        "Demonstration: Seoul TOPIS traffic information centre",
        "Site visit: Seoul Digital Foundation",
        "Briefing on membership benefits",
        "Feasibility studies: calls and past projects",
        "Exchange on open-data policies",
        "Lunch",
        "Coffee break",
        "Presentation: digital government in Seoul",
        "Round table with member cities",
    ];

    public static readonly string[] ClosingAgendaItems =
    [
        "Questions and answers",
        "Closing remarks",
        "Exchange of souvenirs and photo session",
    ];

    public static readonly string[] Purposes =
    [
        "Learn about {0} and WeGO's programmes.",
        "Discuss cooperation on {0} with the Secretariat.",
        "Explore membership of WeGO and the benefits for the city.",
        "Benchmark Seoul's experience in {0}.",
        "Present the city's projects on {0} and look for partners.",
        "Follow up on the city's application to the Seoul Smart City Prize.",
    ];

    public static readonly string[] CancellationReasons =
    [
        "Travel restrictions",
        "Change of city leadership",
        "Scheduling conflict with the council's session",
        "Budget for the trip not approved",
        "Visa delays",
        "The delegation postponed the trip to next year",
    ];

    public static readonly string[] FollowUps =
    [
        "Send the membership application pack",
        "Share the presentation slides",
        "Introduce the city to its regional office",
        "Send the feasibility-study call",
        "Arrange a follow-up video call",
        "Share the visit photos and news release",
        "Send the Smart City Prize guidelines",
        "Connect with the capacity-building team",
    ];

    public static readonly string[] InquiryFollowUps =
    [
        "Call the city to discuss the application",
        "Send the membership application pack",
        "Check the council's approval of the membership fee",
    ];

    public static readonly string[] ContactPositions =
    [
        "Director of International Relations",
        "Smart City Officer",
        "Head of Foreign Affairs",
        "Deputy Mayor",
        "Policy Advisor",
        "Project Manager",
        "Chief Information Officer",
        "Head of Partnerships",
    ];

    public static readonly string[] HeardFrom =
    [
        "WeGO website",
        "A member city",
        "Smart City Expo World Congress",
        "WeGO General Assembly",
        "Social media",
        "A WeGO regional office",
    ];

    public static readonly string[] DietaryNeeds =
    [
        "Vegetarian",
        "Halal",
        "No pork",
        "Vegan",
        "Gluten-free",
        "No seafood",
    ];

    /// <summary>The Bogus locale whose names fit a country; English where none fits better.</summary>
    public static string Locale(string countryCode, Region region) =>
        countryCode switch
        {
            "KR" => "ko",
            "JP" => "ja",
            "CN" => "zh_CN",
            "TW" or "HK" or "MO" => "zh_TW",
            "ID" => "id_ID",
            "VN" => "vi",
            "IN" => "en_IND",
            "NP" => "ne",
            "AU" or "NZ" => "en_AU",
            "NG" => "en_NG",
            "ZA" => "en_ZA",
            "MX" => "es_MX",
            "BR" => "pt_BR",
            "PT" => "pt_PT",
            "FR"
            or "SN"
            or "CI"
            or "ML"
            or "BF"
            or "NE"
            or "TD"
            or "BJ"
            or "TG"
            or "GN"
            or "CM"
            or "CD"
            or "CG"
            or "GA"
            or "MG" => "fr",
            "DE" or "AT" => "de",
            "IT" => "it",
            "TR" => "tr",
            "RU" or "BY" or "KZ" or "KG" => "ru",
            "UA" => "uk",
            "PL" => "pl",
            "NL" or "BE" => "nl",
            "GR" => "el",
            "SE" => "sv",
            "FI" => "fi",
            "NO" => "nb_NO",
            "CZ" => "cz",
            "SK" => "sk",
            "RO" => "ro",
            "HR" => "hr",
            "LV" => "lv",
            "GE" => "ge",
            "AZ" => "az",
            "IR" => "fa",
            "GB" => "en_GB",
            "IE" => "en_IE",
            "CA" => "en_CA",
            "US" => "en_US",
            _ => region switch
            {
                Region.LatinAmerica => "es",
                Region.MiddleEastNorthAfrica => "ar",
                Region.CentralAsia => "ru",
                Region.EastAsia => "zh_CN",
                _ => "en",
            },
        };

    /// <summary>What the portal's inquiry form offers; Spanish- and Korean-speaking inquirers mostly choose their
    /// own.</summary>
    public static string PreferredLanguage(string locale) =>
        locale switch
        {
            "ko" => "ko",
            "es" or "es_MX" => "es",
            _ => "en",
        };
}
