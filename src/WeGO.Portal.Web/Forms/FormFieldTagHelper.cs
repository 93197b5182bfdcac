using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Forms;

/// <summary><c>&lt;form-field for="Input.Venue" label-key="Field.Venue" class="col-sm-6" /&gt;</c>: one form field in
/// one line, with the same markup everywhere: the label (from UiText) for the control, the control named and identified
/// as <c>asp-for</c> would (<c>Input.Venue</c>, <c>Input_Venue</c>), the optional hint, the validation message, and
/// what someone else saved meanwhile. <c>required</c> (with a mark after the label) and <c>maxlength</c> come from the
/// bound type's validator (<see cref="FieldRules"/>); <c>aria-describedby</c> names the hint and, after a failed post,
/// the error, which also sets <c>aria-invalid</c>. The control is a checkbox for a bool, a textarea when <c>rows</c> is
/// given, a select when the element holds its options, an input otherwise (type date, time or number from the
/// property's type unless <c>type</c> says); every other attribute goes onto the control, except <c>class</c>, which
/// goes onto the wrapping div. A checkbox's content, when given, follows its label text (a link).</summary>
[HtmlTargetElement("form-field", Attributes = "for")]
public sealed class FormFieldTagHelper(IStringLocalizer<UiText> text) : TagHelper
{
    public ModelExpression For { get; set; } = null!;

    /// <summary>The UiText key of the label.</summary>
    public string LabelKey { get; set; } = "";

    /// <summary>The UiText key of a hint shown under the control.</summary>
    public string? HintKey { get; set; }

    /// <summary>Rows of a textarea; a field with rows is one.</summary>
    public int? Rows { get; set; }

    /// <summary>Classes added to the label's own (visually-hidden where the form's heading says it).</summary>
    public string? LabelClass { get; set; }

    /// <summary>The control's id when the field repeats on a page (a reply under each comment); the name's
    /// otherwise.</summary>
    public string? Id { get; set; }

    /// <summary>Classes added to the control's own (form-control, form-select, form-check-input).</summary>
    public string? InputClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = Id ?? TagBuilder.CreateSanitizedId(name, "_");
        var rules = Rules();
        var error = ViewContext.ViewData.ModelState[name]?.Errors.FirstOrDefault()?.ErrorMessage;
        // Moved rather than copied into a string: a select's kept options (OptionList) stay one shared string.
        var content = new HtmlContentBuilder();
        var childContent = await output.GetChildContentAsync();
        var hasContent = !childContent.IsEmptyOrWhiteSpace;
        var checkbox = For.Metadata.UnderlyingOrModelType == typeof(bool);
        var linkAfterLabel = checkbox ? childContent.GetContent() : "";
        childContent.MoveTo(content);

        var control = Control(name, id, checkbox, hasContent ? content : null);
        if (InputClass is not null)
        {
            control.AddCssClass(InputClass);
        }

        foreach (var attribute in output.Attributes.Where(a => a.Name != "class"))
        {
            control.MergeAttribute(attribute.Name, AttributeText(attribute), replaceExisting: true);
        }

        if (rules.Required)
        {
            control.MergeAttribute("required", "required");
        }

        if (rules.MaxLength is { } maxLength && !checkbox)
        {
            control.MergeAttribute("maxlength", maxLength.ToString(CultureInfo.InvariantCulture));
        }

        var describedBy = string.Join(
            ' ',
            new[] { HintKey is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>()
        );
        if (describedBy.Length > 0)
        {
            control.MergeAttribute("aria-describedby", describedBy);
        }

        if (error is not null)
        {
            control.AddCssClass("is-invalid");
            control.MergeAttribute("aria-invalid", "true");
        }

        var label = new TagBuilder("label");
        label.AddCssClass(checkbox ? "form-check-label" : "form-label");
        if (LabelClass is not null)
        {
            label.AddCssClass(LabelClass);
        }

        label.MergeAttribute("for", id);
        label.InnerHtml.Append(text[LabelKey].Value);
        if (linkAfterLabel.Length > 0)
        {
            label.InnerHtml.Append(" ").AppendHtml(linkAfterLabel);
        }

        // The mark follows the label rather than sitting in it, so the label's text is the field's name alone.
        var mark = rules.Required ? """ <span class="required-mark" aria-hidden="true">*</span>""" : "";

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        var wrapper = string.Join(
            ' ',
            new[] { checkbox ? "form-check" : null, context.AllAttributes["class"]?.Value?.ToString() }.OfType<string>()
        );
        if (wrapper.Length > 0)
        {
            output.Attributes.SetAttribute("class", wrapper);
        }

        var html = output.Content.Clear();
        if (checkbox)
        {
            html.AppendHtml(control).AppendLine().AppendHtml(label).AppendHtml(mark);
        }
        else
        {
            html.AppendHtml(label).AppendHtml(mark).AppendLine().AppendHtml(control);
        }

        if (HintKey is not null)
        {
            var hint = new TagBuilder("div");
            hint.MergeAttribute("id", id + "-hint");
            hint.AddCssClass("form-text");
            hint.InnerHtml.Append(text[HintKey].Value);
            html.AppendLine().AppendHtml(hint);
        }

        var feedback = new TagBuilder("div");
        feedback.AddCssClass("invalid-feedback");
        feedback.MergeAttribute("id", id + "-error");
        feedback.InnerHtml.Append(error ?? "");
        html.AppendLine().AppendHtml(feedback);
        if (SavedMeanwhileTagHelper.Render(ViewContext.ViewData, name, text) is { } savedMeanwhile)
        {
            html.AppendLine().AppendHtml(savedMeanwhile);
        }
    }

    private FieldRules Rules()
    {
        // The object holding the property (Input for "Input.Venue"), so a derived command's own validator counts too.
        var dot = For.Name.LastIndexOf('.');
        var container = dot < 0 ? ViewContext.ViewData.Model : ViewContext.ViewData.Eval(For.Name[..dot]);
        var type = container?.GetType() ?? For.Metadata.ContainerType;
        return type is null || For.Metadata.PropertyName is null
            ? new FieldRules(false, null)
            : FieldRules.Of(ViewContext.HttpContext.RequestServices, type, For.Metadata.PropertyName);
    }

    private TagBuilder Control(string name, string id, bool checkbox, IHtmlContent? options)
    {
        var value = ViewContext.ViewData.ModelState[name]?.AttemptedValue ?? Format(For.Model);
        TagBuilder control;
        if (checkbox)
        {
            control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            control.AddCssClass("form-check-input");
            control.MergeAttribute("type", "checkbox");
            control.MergeAttribute("value", "true");
            if (For.Model is true)
            {
                control.MergeAttribute("checked", "checked");
            }
        }
        else if (Rows is { } rows)
        {
            control = new TagBuilder("textarea");
            control.AddCssClass("form-control");
            control.MergeAttribute("rows", rows.ToString(CultureInfo.InvariantCulture));
            control.InnerHtml.Append(value);
        }
        else if (options is not null)
        {
            control = new TagBuilder("select");
            control.AddCssClass("form-select");
            control.InnerHtml.AppendHtml(options);
        }
        else
        {
            control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            control.AddCssClass("form-control");
            if (InputType(For.Metadata.UnderlyingOrModelType) is { } type)
            {
                control.MergeAttribute("type", type);
            }

            control.MergeAttribute("value", value);
        }

        control.MergeAttribute("id", id);
        control.MergeAttribute("name", name);
        return control;
    }

    /// <summary>An attribute as plain text (TagBuilder encodes it again): a minimized one is its own name, a Razor
    /// expression mixed with text arrives as HTML content.</summary>
    private static string? AttributeText(TagHelperAttribute attribute)
    {
        if (attribute.ValueStyle == HtmlAttributeValueStyle.Minimized)
        {
            return attribute.Name;
        }

        if (attribute.Value is IHtmlContent html)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            html.WriteTo(writer, HtmlEncoder.Default);
            return WebUtility.HtmlDecode(writer.ToString());
        }

        return Convert.ToString(attribute.Value, CultureInfo.InvariantCulture);
    }

    private static string? InputType(Type type) =>
        type == typeof(DateOnly) ? "date"
        : type == typeof(TimeOnly) ? "time"
        : type == typeof(int) || type == typeof(long) || type == typeof(decimal) ? "number"
        : null;

    private static string Format(object? model) =>
        model switch
        {
            null => "",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH\\:mm", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => model.ToString() ?? "",
        };
}
