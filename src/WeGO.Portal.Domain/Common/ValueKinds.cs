namespace WeGO.Portal.Domain.Common;

// The lengths of the kinds of value many entities keep. A limit that belongs to one field is a constant on its
// entity (Visit.PurposeMaxLength); a kind of value shared by several lives here, once. See
// docs/decisions/0019-limits-and-state-rules-on-the-entity.md.

/// <summary>A person's full name, or the display name of whoever did something.</summary>
public static class PersonName
{
    public const int MaxLength = 200;
}

/// <summary>A person's title or position, e.g. "Mayor" or "Director of Smart City Policy".</summary>
public static class JobTitle
{
    public const int MaxLength = 200;
}

/// <summary>An email address: at most 320 characters (a 64-character local part, "@", a 255-character
/// domain).</summary>
public static class EmailAddress
{
    public const int MaxLength = 320;
}

/// <summary>A telephone number as typed, in international form.</summary>
public static class PhoneNumber
{
    public const int MaxLength = 40;
}

/// <summary>A language code such as "en" or "es-MX".</summary>
public static class LanguageCode
{
    public const int MaxLength = 10;
}

/// <summary>The id of a portal user, as ASP.NET Core Identity keys it.</summary>
public static class UserKey
{
    public const int MaxLength = 450;
}
