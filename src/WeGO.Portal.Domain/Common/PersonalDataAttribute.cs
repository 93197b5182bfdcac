namespace WeGO.Portal.Domain.Common;

/// <summary>Marks a property that holds a person's data (a name, an address, what they wrote): the audit trail
/// records that it changed but not its value, so erasing the record erases the person.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute { }

/// <summary>What an erased person's required text reads (a name, an address), wherever the record stays.</summary>
public static class Erased
{
    public const string Mark = "—";
}
