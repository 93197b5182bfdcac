using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WeGO.Portal.Web.Forms;

/// <summary>"Someone else saved meanwhile", the same way on every form that posts a record's Version: the user's input
/// is kept, each field whose saved value now differs from it shows that value beside it (the saved-meanwhile tag
/// helper), the form names those fields above it (_FormErrors), and the page rebases the form on the saved version, so
/// saving again is a deliberate overwrite. A page starts it from LoadForRedisplayAsync with <see
/// cref="Compare{T}"/>.</summary>
public sealed class SavedMeanwhile
{
    private const string Key = nameof(SavedMeanwhile);

    private readonly List<Field> fields = [];

    /// <param name="Name">The field's input name ("Input.Summary").</param>
    /// <param name="Label">The UiText key of its label.</param>
    /// <param name="Theirs">What is saved now, as the field would show it.</param>
    public sealed record Field(string Name, string Label, string Theirs);

    public IReadOnlyList<Field> Fields => fields;

    public Field? For(string name) => fields.Find(f => f.Name == name);

    /// <summary>What the page found, for the view and its partials (they share the page's view data).</summary>
    public static SavedMeanwhile? In(ViewDataDictionary viewData) => viewData[Key] as SavedMeanwhile;

    /// <summary>Compares the posted form (<paramref name="mine"/>, built from version <paramref name="postedVersion"/>)
    /// with the same form filled from the record as saved now (<paramref name="theirs"/>, at <paramref
    /// name="savedVersion"/>). When the versions differ, the page's view shows the result and the posted version leaves
    /// the model state, so the form renders the version the page rebases it on; when they are the same, or this form
    /// was not the one posted, nothing happened and <see cref="Comparison{T}.Happened"/> is false.</summary>
    public static Comparison<T> Compare<T>(
        PageModel page,
        string prefix,
        int postedVersion,
        int savedVersion,
        T theirs,
        T mine
    )
    {
        var found = new SavedMeanwhile();
        // A page with several forms (an inquiry's assignment and note) compares the one that was posted.
        var posted = page.Request.HasFormContentType && page.Request.Form.ContainsKey($"{prefix}.Version");
        var happened = posted && postedVersion != savedVersion;
        if (happened)
        {
            page.ViewData[Key] = found;
            page.ModelState.Remove($"{prefix}.Version");
        }

        return new Comparison<T>(found, happened, prefix, theirs, mine);
    }

    public sealed class Comparison<T>
    {
        private readonly SavedMeanwhile found;
        private readonly string prefix;
        private readonly T theirs;
        private readonly T mine;

        internal Comparison(SavedMeanwhile found, bool happened, string prefix, T theirs, T mine) =>
            (this.found, Happened, this.prefix, this.theirs, this.mine) = (found, happened, prefix, theirs, mine);

        /// <summary>Someone saved the record since the form was built: rebase the form on the saved version.</summary>
        public bool Happened { get; }

        /// <summary>One field, named after the form's property; <paramref name="shown"/> turns the saved value into
        /// what the user reads (a name for an id), when it differs from how it is compared.</summary>
        public Comparison<T> Field<TValue>(
            Expression<Func<T, TValue>> property,
            string label,
            Func<TValue, string?>? shown = null
        )
        {
            var name = property.Body is MemberExpression member
                ? member.Member.Name
                : throw new ArgumentException("Name a property of the form.", nameof(property));
            var value = property.Compile();
            return Field(name, label, c => value(c), shown is null ? null : saved => shown((TValue)saved!));
        }

        /// <summary>A field the form shows from several properties (the hosts: staff, Secretariat people), compared
        /// as one value and shown under the element named <paramref name="name"/>.</summary>
        public Comparison<T> Field(
            string name,
            string label,
            Func<T, object?> value,
            Func<object?, string?>? shown = null
        )
        {
            var (saved, posted) = (value(theirs), value(mine));
            if (Happened && Text(saved) != Text(posted))
            {
                found.fields.Add(
                    new Field($"{prefix}.{name}", label, shown is null ? Text(saved) : shown(saved) ?? "")
                );
            }

            return this;
        }

        /// <summary>Empty and missing are the same to the user; a list compares by its items in any order.</summary>
        private static string Text(object? value) =>
            value switch
            {
                null => "",
                string text => text.ReplaceLineEndings("\n").Trim(),
                System.Collections.IEnumerable items => string.Join(
                    ", ",
                    items.Cast<object?>().Select(Text).Order(StringComparer.Ordinal)
                ),
                _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
            };
    }
}
