using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Forms;

/// <summary><c>&lt;saved-meanwhile field="Input.Summary" /&gt;</c> under a field: after someone else saved the record,
/// what they saved in that field when it differs from the user's kept input (see <see cref="SavedMeanwhile"/>);
/// nothing otherwise.</summary>
[HtmlTargetElement("saved-meanwhile", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SavedMeanwhileTagHelper(IStringLocalizer<UiText> text) : TagHelper
{
    /// <summary>The field's input name.</summary>
    public string Field { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Render(ViewContext.ViewData, Field, text) is not { } saved)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = null;
        output.Content.SetHtmlContent(saved);
    }

    /// <summary>The note under the field named <paramref name="name"/>, or null when nobody saved it meanwhile (the
    /// form-field tag helper puts it under each of its fields).</summary>
    internal static TagBuilder? Render(ViewDataDictionary viewData, string name, IStringLocalizer<UiText> text)
    {
        if (SavedMeanwhile.In(viewData)?.For(name) is not { } field)
        {
            return null;
        }

        var note = new TagBuilder("div");
        note.AddCssClass("saved-meanwhile form-text");
        note.MergeAttribute("id", "saved-meanwhile-" + TagBuilder.CreateSanitizedId(name, "_"));
        var label = new TagBuilder("span");
        label.AddCssClass("fw-semibold");
        label.InnerHtml.Append(text["Edit.SavedMeanwhile"].Value + " ");
        var value = new TagBuilder("span");
        value.AddCssClass("saved-meanwhile-value");
        value.InnerHtml.Append(field.Theirs.Length > 0 ? field.Theirs : text["Edit.SavedMeanwhileEmpty"].Value);
        note.InnerHtml.AppendHtml(label).AppendHtml(value);
        return note;
    }
}
