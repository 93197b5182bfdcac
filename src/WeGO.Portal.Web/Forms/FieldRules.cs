using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace WeGO.Portal.Web.Forms;

/// <summary>What a form field's validator says about it, as the browser should know it: whether it is required
/// (an unconditional NotNull or NotEmpty) and its longest length (an unconditional MaximumLength or Length). Read
/// from the <see cref="IValidator{T}"/> of the bound type and of each type and interface it derives from, so the view's
/// <c>maxlength</c> and <c>required</c> cannot drift from the rule the server enforces. A form the page converts
/// before sending (<see cref="IValidatedAs{T}"/>) follows the validator of what it becomes.</summary>
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
        var sentAs = container
            .GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidatedAs<>))
            .Select(i => i.GetGenericArguments()[0]);
        var validated = new[] { container }.Concat(sentAs).SelectMany(t => Lineage(t).Concat(t.GetInterfaces()));
        foreach (var type in validated.Distinct())
        {
            foreach (var validator in services.GetServices(typeof(IValidator<>).MakeGenericType(type)))
            {
                var descriptor = ((IValidator)validator!).CreateDescriptor();
                components.AddRange(descriptor.GetRulesForMember(property).SelectMany(rule => rule.Components));
            }
        }

        // Required only when always required; a length limit that applies only sometimes (an email checked when given)
        // still bounds what may be typed.
        var unconditional = components.Where(c => !c.HasCondition && !c.HasAsyncCondition).ToList();
        // A checkbox that must be ticked (Equal(true), the consent) is required as well.
        var required = unconditional.Any(c =>
            c.Validator
                is INotNullValidator
                    or INotEmptyValidator
                    or IComparisonValidator { Comparison: Comparison.Equal, ValueToCompare: true }
        );
        var maxLength = components
            .Select(c => c.Validator)
            .OfType<ILengthValidator>()
            .Where(v => v.Max > 0)
            .Select(v => (int?)v.Max)
            .Min();
        return new FieldRules(required, maxLength);
    }

    private static IEnumerable<Type> Lineage(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            yield return t;
        }
    }
}

/// <summary>A page's own form that the page sends as <typeparamref name="T"/> (the roster's member form becomes an
/// AddDelegate or EditDelegate command): its fields follow <typeparamref name="T"/>'s validator.</summary>
public interface IValidatedAs<T>;
