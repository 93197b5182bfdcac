using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Identity;

/// <summary>Refuses passwords that meet the length and character rules but are among the first anyone guesses: a common
/// word or keyboard run with digits and symbols around it ("Password1234", "Qwerty123456!"), the user's own e-mail
/// name, or a few characters repeated ("Aa1Aa1Aa1Aa1").</summary>
public sealed class CommonPasswords(IStringLocalizer<UiText> text) : IPasswordValidator<StaffUser>
{
    public const string Code = "PasswordTooCommon";

    private const int MinimumDistinctCharacters = 5;

    /// <summary>The letters of the most common passwords (breach lists), lower-cased with digits and symbols taken
    /// out.</summary>
    private static readonly FrozenSet<string> CommonWords = FrozenSet.ToFrozenSet(
        [
            "password",
            "passwort",
            "contrasena",
            "welcome",
            "qwerty",
            "qwertyuiop",
            "qwertz",
            "azerty",
            "asdf",
            "asdfgh",
            "asdfghjkl",
            "zxcvbn",
            "zxcvbnm",
            "qazwsx",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "letmein",
            "admin",
            "administrator",
            "root",
            "user",
            "guest",
            "test",
            "default",
            "changeme",
            "secret",
            "login",
            "iloveyou",
            "monkey",
            "dragon",
            "master",
            "sunshine",
            "princess",
            "football",
            "baseball",
            "soccer",
            "superman",
            "batman",
            "trustno",
            "shadow",
            "michael",
            "jessica",
            "hello",
            "freedom",
            "whatever",
            "starwars",
            "summer",
            "winter",
            "spring",
            "autumn",
            "wego",
            "wegoportal",
            "portal",
            "seoul",
            "korea",
        ],
        StringComparer.Ordinal
    );

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var letters = Letters(password);
        var emailName = Letters(user.Email?.Split('@')[0] ?? "");
        var guessable =
            CommonWords.Contains(letters)
            || (emailName.Length >= 3 && letters == emailName)
            || password.Distinct().Count() < MinimumDistinctCharacters;
        return Task.FromResult(
            guessable
                ? IdentityResult.Failed(
                    new IdentityError { Code = Code, Description = text["Identity.PasswordTooCommon"] }
                )
                : IdentityResult.Success
        );
    }

    /// <summary>The word a password is built on: what lies between its leading and trailing digits and symbols, with
    /// look-alike characters read as letters ("P@ssw0rd-2025" is "password").</summary>
    private static string Letters(string value)
    {
        var core = value.AsSpan().Trim(NotLetters);
        return new([
            .. core.ToArray()
                .Select(c => LookAlikes.GetValueOrDefault(c, c))
                .Where(char.IsLetter)
                .Select(char.ToLowerInvariant),
        ]);
    }

    private static readonly FrozenDictionary<char, char> LookAlikes = new Dictionary<char, char>
    {
        ['@'] = 'a',
        ['4'] = 'a',
        ['0'] = 'o',
        ['1'] = 'i',
        ['!'] = 'i',
        ['3'] = 'e',
        ['$'] = 's',
        ['5'] = 's',
        ['7'] = 't',
    }.ToFrozenDictionary();

    private static readonly char[] NotLetters =
    [
        .. Enumerable.Range(32, 95).Select(i => (char)i).Where(c => !char.IsLetter(c)),
    ];
}
