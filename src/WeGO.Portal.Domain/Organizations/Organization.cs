using System.Globalization;
using System.Text;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Organizations;

/// <summary>A city, company or institution the Secretariat deals with: it visits, inquires, becomes a member.</summary>
public sealed class Organization : AggregateRoot
{
    public const int NameMaxLength = 200;

    private Organization() { }

    public Organization(string name, string countryCode, Region region, OrganizationKind kind, string? localName = null)
    {
        Rename(name, localName);
        CountryCode = Countries.RequireCode(countryCode);
        Region = region;
        Kind = kind;
    }

    public string Name { get; private set; } = "";

    /// <summary>Upper-case, accent-free, single-spaced name: what "the same city" is matched on.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The name in the organisation's own language, e.g. "Majlis Bandaraya Seremban".</summary>
    public string? LocalName { get; private set; }

    /// <summary>The name as English pages and releases print it, where it differs from the official name.</summary>
    public string? NameEn { get; private set; }

    /// <summary>The name as Spanish pages and releases print it, e.g. "Ayuntamiento de Seremban".</summary>
    public string? NameEs { get; private set; }

    /// <summary>The name as Korean pages and releases print it, e.g. "세렘반 시의회".</summary>
    public string? NameKo { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string CountryCode { get; private set; } = "";

    public Region Region { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public int? Population { get; private set; }

    public DateOnly? MemberSince { get; private set; }

    public bool IsMember => MemberSince is not null;

    public void Rename(string name, string? localName)
    {
        Name = Require.Text(name, "Organization.NameRequired", NameMaxLength);
        NormalizedName = NormalizeName(Name);
        LocalName = Require.OptionalText(localName, NameMaxLength);
    }

    /// <summary>Gives the organisation its name in each release language; an empty one leaves the official name to
    /// stand in for it.</summary>
    public void NameInLanguages(string? english, string? spanish, string? korean)
    {
        NameEn = Require.OptionalText(english, NameMaxLength);
        NameEs = Require.OptionalText(spanish, NameMaxLength);
        NameKo = Require.OptionalText(korean, NameMaxLength);
    }

    /// <summary>The name in <paramref name="language"/> when one is given, else null (the official name stands
    /// in).</summary>
    public string? NameIn(string language) => NamesIn(language, NameEn, NameEs, NameKo);

    /// <summary>The one of three names that is in <paramref name="language"/>, for projections that read the columns
    /// themselves.</summary>
    public static string? NamesIn(string language, string? english, string? spanish, string? korean) =>
        language switch
        {
            "en" => english,
            "es" => spanish,
            "ko" => korean,
            _ => null,
        };

    public void SetPopulation(int? population)
    {
        if (population is < 0)
        {
            throw new DomainException("Organization.PopulationNegative");
        }

        Population = population;
    }

    public void BecomeMember(DateOnly since)
    {
        if (IsMember)
        {
            throw new DomainException("Organization.AlreadyMember", Name);
        }

        MemberSince = since;
    }

    public static string NormalizeName(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }
}
