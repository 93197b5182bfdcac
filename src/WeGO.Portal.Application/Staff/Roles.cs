namespace WeGO.Portal.Application.Staff;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string SecretariatStaff = nameof(SecretariatStaff);
    public const string ProgramDirector = nameof(ProgramDirector);

    public static IReadOnlyList<string> All { get; } = [Administrator, SecretariatStaff, ProgramDirector];
}
