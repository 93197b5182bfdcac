using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Application.Common;

/// <summary>The role groups a use case is declared for, named as the pages' policies are (the web host builds its
/// policies from <see cref="UseCaseAccess.RolesIn"/>, so a page and its use cases mean the same people).</summary>
public enum RoleGroup
{
    /// <summary>Administrators, Secretariat staff and program directors.</summary>
    ReadVisits,

    /// <summary>Administrators and Secretariat staff.</summary>
    EditVisits,

    /// <summary>Administrators, Secretariat staff and program directors.</summary>
    ReadInquiries,

    /// <summary>Administrators and Secretariat staff.</summary>
    EditInquiries,

    /// <summary>Program directors and administrators: approve visit reports or send them back.</summary>
    ReviewReports,

    /// <summary>Administrators only.</summary>
    Administration,
}

/// <summary>Who may send this use case: a signed-in user holding a role of <see cref="Group"/>, or, with
/// <see cref="OrOwnAccount"/>, anyone signed in acting on their own account (<see cref="IAboutOneAccount"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedToAttribute(RoleGroup group) : Attribute
{
    public RoleGroup Group { get; } = group;

    public bool OrOwnAccount { get; init; }
}

/// <summary>Anyone may send this use case, signed in or not: the public inquiry form, its status link, published
/// news.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicAttribute : Attribute;

/// <summary>Only the system sends this use case, from background work begun with
/// <see cref="SystemWork.CreateSystemScope"/>; no user may.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ForTheSystemAttribute : Attribute;

/// <summary>A request about one staff account, which its holder may send for themselves
/// (<see cref="AllowedToAttribute.OrOwnAccount"/>).</summary>
public interface IAboutOneAccount
{
    string UserId { get; }
}

/// <summary>The declaration on each use case, and who it lets through.</summary>
public static class UseCaseAccess
{
    public static IReadOnlyList<string> RolesIn(RoleGroup group) =>
        group switch
        {
            RoleGroup.ReadVisits or RoleGroup.ReadInquiries =>
            [
                Roles.Administrator,
                Roles.SecretariatStaff,
                Roles.ProgramDirector,
            ],
            RoleGroup.EditVisits or RoleGroup.EditInquiries => [Roles.Administrator, Roles.SecretariatStaff],
            RoleGroup.ReviewReports => [Roles.ProgramDirector, Roles.Administrator],
            RoleGroup.Administration => [Roles.Administrator],
            _ => throw new ArgumentOutOfRangeException(nameof(group)),
        };

    /// <summary>The one declaration on a request type, or null when it has none (or, wrongly, more than
    /// one).</summary>
    public static Attribute? DeclarationOf(Type request)
    {
        var declarations = request
            .GetCustomAttributes(inherit: false)
            .OfType<Attribute>()
            .Where(a => a is AllowedToAttribute or PublicAttribute or ForTheSystemAttribute)
            .ToList();
        return declarations.Count == 1 ? declarations[0] : null;
    }

    /// <summary>Whether <paramref name="actor"/> may send <paramref name="request"/> as its type declares; a type
    /// without a declaration lets no one through.</summary>
    public static bool Allows(object request, ICurrentActor actor) =>
        DeclarationOf(request.GetType()) switch
        {
            PublicAttribute => true,
            ForTheSystemAttribute => actor.IsSystem,
            AllowedToAttribute allowed => !actor.IsSystem
                && (
                    RolesIn(allowed.Group).Any(actor.IsInRole)
                    || (
                        allowed.OrOwnAccount
                        && actor.UserId is { } self
                        && request is IAboutOneAccount about
                        && about.UserId == self
                    )
                ),
            _ => false,
        };
}

/// <summary>The current actor may not send this use case; the web answers 403 (or the sign-in page, for someone not
/// signed in).</summary>
public sealed class UseCaseRefusedException(Type request)
    : Exception(
        UseCaseAccess.DeclarationOf(request) is null
            ? $"{request.FullName} declares no access ([AllowedTo], [Public] or [ForTheSystem]), so no one may send it."
            : $"The current actor may not send {request.FullName}."
    )
{
    public Type Request { get; } = request;
}
