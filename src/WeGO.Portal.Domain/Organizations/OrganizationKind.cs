namespace WeGO.Portal.Domain.Organizations;

public enum OrganizationKind
{
    LocalGovernment = 1,
    SolutionProvider = 2,
    Institution = 3,
    Other = 4,
}
