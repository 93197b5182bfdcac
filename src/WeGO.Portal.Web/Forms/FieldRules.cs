using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace WeGO.Portal.Web.Forms;

/// <summary>What a form field's validator says about it, as the browser should know it: whether it is required
/// (an unconditional NotNull or NotEmpty) and its longest length (an unconditional MaximumLength or Length). Read
/// from the <see cref="IValidator{T}"/> of the bound type and of each type it derives from, so the view's
/// <c>maxlength</c> and <c>required</c> cannot drift from the rule the server enforces.</summary>
public sealed record FieldRules(bool Required, int? MaxLength)
{
    private static readonly ConcurrentDictionary<(Type, string), FieldRules> Known = new();

    /// <summary>The rules of <paramref name="property"/> on <paramref name="container"/>; a validator's rules do not
    /// change between requests, so they are read once per field.</summary>
    public static FieldRules Of(IServiceProvider services, Type container, string property) =>
        Known.GetOrAdd((container, property), key => Read(services, key.Item1, key.Item2));

    private static FieldRules Read(IServiceProvider services, Type container, string property)
    {
        var components = new List<IRuleComponent>();
        for (var type = container; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var validator in services.GetServices(typeof(IValidator<>).MakeGenericType(type)))
            {
                var descriptor = ((IValidator)validator!).CreateDescriptor();
                components.AddRange(descriptor.GetRulesForMember(property).SelectMany(rule => rule.Components));
            }
        }

        var unconditional = components.Where(c => !c.HasCondition && !c.HasAsyncCondition).ToList();
        var required = unconditional.Any(c => c.Validator is INotNullValidator or INotEmptyValidator);
        var maxLength = unconditional
            .Select(c => c.Validator)
            .OfType<ILengthValidator>()
            .Where(v => v.Max > 0)
            .Select(v => (int?)v.Max)
            .Min();
        return new FieldRules(required, maxLength);
    }
}
