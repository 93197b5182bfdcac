using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Identity;

/// <summary>Identity's messages (password rules, duplicate e-mail) in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<UiText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), text["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), text["Identity.PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), text["Identity.PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), text["Identity.PasswordRequiresUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), text["Identity.PasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), text["Identity.PasswordMismatch"]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), text["Identity.DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), text["Identity.DuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), text["Identity.InvalidEmail"]);

    private static IdentityError Error(string code, string description) =>
        new() { Code = code, Description = description };
}
