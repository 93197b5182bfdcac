using System.Globalization;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

/// <summary>The Secretariat's words the generated data is made of: staff, venues, titles, topics, agenda
/// items.</summary>
internal static class Vocabulary
{
    /// <summary>Every generated address is at the domain reserved for examples (RFC 2606), so no generated mail can
    /// reach anyone.</summary>
    public const string MailDomain = "example.org";

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

    /// <summary>Generated places are named with the word "example" in a language of their country (Ejemplo, Örnek,
    /// Contoh...) with an English qualifier, as the demo's hand-written members are, so no reader takes one for a
    /// real city. Always with a qualifier, so none is ever named like a hand-written one.</summary>
    public static string ExampleWord(string locale) =>
        locale switch
        {
            "en_IND" => "Misal",
            "en_NG" => "Apeere",
            "en_ZA" => "Umzekelo",
            _ => locale[..2] switch
            {
                "ko" => "Yesi",
                "ja" => "Reiji",
                "zh" => "Shili",
                "id" => "Contoh",
                "vi" => "Vidu",
                "ne" => "Namuna",
                "es" => "Ejemplo",
                "pt" => "Exemplo",
                "fr" => "Exemple",
                "de" => "Beispiel",
                "it" => "Esempio",
                "tr" => "Örnek",
                "ru" => "Primer",
                "uk" => "Pryklad",
                "pl" => "Przykład",
                "nl" => "Voorbeeld",
                "el" => "Paradeigma",
                "sv" => "Exempel",
                "fi" => "Esimerkki",
                "nb" => "Eksempel",
                "cz" => "Příklad",
                "sk" => "Príklad",
                "ro" => "Exemplu",
                "hr" => "Primjer",
                "lv" => "Piemērs",
                "ge" => "Magaliti",
                "az" => "Nümunə",
                "fa" => "Nemune",
                "ar" => "Mithal",
                _ => "Sample",
            },
        };

    public static readonly string[] PlacePrefixes =
    [
        "North ",
        "South ",
        "East ",
        "West ",
        "New ",
        "Port ",
        "Lake ",
        "Upper ",
        "Lower ",
        "Old ",
        "Greater ",
        "",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        " Bay",
        " Hills",
        " Valley",
        " Harbour",
        " Springs",
        " Heights",
        " Park",
        " Plains",
        " Coast",
        " Falls",
        " Ridge",
        "",
    ];

    public static readonly string[] CompanyStems =
    [
        "Urban Data",
        "Smart Mobility",
        "Civic Cloud",
        "Grid Analytics",
        "City Sensors",
        "Digital Twin Labs",
        "Open Transit",
        "GovTech Systems",
    ];

    public static readonly string[] CompanyForms = ["Ltd.", "Inc.", "Co., Ltd.", "S.A.", "GmbH", "Pte. Ltd."];

    /// <summary>A city government's name in its own language, where the pattern is known; null elsewhere.</summary>
    public static string? LocalCouncilName(string locale, string city) =>
        locale[..2] switch
        {
            "es" => $"Municipalidad de {city}",
            "pt" => $"Prefeitura de {city}",
            "fr" => $"Mairie de {city}",
            "it" => $"Comune di {city}",
            "tr" => $"{city} Belediyesi",
            "de" => $"Stadtverwaltung {city}",
            "nl" => $"Gemeente {city}",
            "pl" => $"Urząd Miasta {city}",
            "id" => $"Pemerintah Kota {city}",
            "ro" => $"Primăria {city}",
            _ => null,
        };

    /// <summary>What a report says, sentence by sentence: {0} is the organisation, {1} a topic, {2} the
    /// venue.</summary>
    public static readonly string[] ReportSentences =
    [
        "The delegation of {0} was welcomed at {2} and introduced the city's priorities.",
        "{0} presented its plans for {1} and the results of its first pilots.",
        "The Secretariat introduced WeGO's programmes and the benefits of membership.",
        "Both sides agreed that {1} is where an exchange between member cities would help most.",
        "The delegation asked how other members fund their work on {1}.",
        "The Secretariat shared case studies from the Seoul Smart City Prize.",
        "The meeting closed with an invitation to the next WeGO General Assembly.",
        "{0} expressed interest in a feasibility study on {1}.",
        "The head of delegation thanked the Secretariat and invited WeGO to visit the city.",
        "The regional office will stay in touch with {0} on {1}.",
    ];

    public static readonly string[] SecretariatPresentations =
    [
        "WeGO's activities, flagship programmes and membership categories.",
        "The Seoul Smart City Prize and the Smart City Champions programme.",
        "Capacity-building courses and the feasibility-study calls.",
        "How member cities share solutions through the regional offices.",
    ];

    public static readonly string[] Outcomes =
    [
        "The city will consider applying for membership.",
        "The Secretariat will send the membership application pack.",
        "Both sides will hold a video call within two months.",
        "The city will nominate a focal point for WeGO.",
        "The delegation will share its smart-city master plan.",
        "The Secretariat will introduce the city to its regional office.",
    ];

    public static readonly string[] AgendaNotes =
    [
        "Interpretation provided by the Secretariat.",
        "Slides to be shared with the delegation afterwards.",
        "Meeting room 2, 19th floor.",
        "Photos for the news release.",
        "Bus leaves from the main entrance.",
    ];

    public static readonly string[] InquiryMessages =
    [
        "Our council would like to know the membership fee and how to apply.",
        "We met WeGO at a conference and would like to join the network.",
        "Could you tell us which programmes are open to Associate members?",
        "Our mayor would like to visit the Secretariat before the council decides.",
        "We would like to take part in the next capacity-building course.",
    ];

    public static readonly string[] InquiryNotes =
    [
        "Called the contact; the council meets next month.",
        "Sent the membership brochure in the contact's language.",
        "The regional office knows the city well.",
        "Waiting for the mayor's letter of intent.",
        "Asked about the fee for cities of their size.",
    ];

    /// <summary>A published release's headline, dateline and first paragraph, wholly in its language.</summary>
    public static (string Headline, string Dateline, string Body) Release(
        string language,
        string organization,
        DateOnly day
    ) =>
        language switch
        {
            "es" => (
                $"WeGO recibe a una delegación de {organization}",
                $"Seúl, {day.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es"))}",
                $"Una delegación de {organization} visitó la Secretaría de WeGO para conocer su trabajo con las "
                    + "ciudades miembro, y ambas partes conversaron sobre cómo colaborar en proyectos de ciudad "
                    + "inteligente."
            ),
            "ko" => (
                $"WeGO, {organization} 대표단 맞이해",
                $"서울, {day.ToString("yyyy'년' M'월' d'일'", CultureInfo.InvariantCulture)}",
                $"{organization} 대표단이 WeGO 사무국을 방문해 회원 도시와 함께하는 사무국의 활동을 살펴보았으며, "
                    + "양측은 스마트시티 사업 협력 방안을 논의했다."
            ),
            _ => (
                $"WeGO welcomes a delegation from {organization}",
                $"Seoul, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                $"A delegation from {organization} visited the WeGO Secretariat to learn about its work with member "
                    + "cities, and both sides discussed how to work together on smart-city projects."
            ),
        };

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
