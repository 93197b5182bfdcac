using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Http;

/// <summary><c>&lt;saved-meanwhile name="Input.Summary" /&gt;</c> under a field: after someone else saved the record,
/// what they saved in that field when it differs from the user's kept input (see <see cref="SavedMeanwhile"/>);
/// nothing otherwise.</summary>
[HtmlTargetElement("saved-meanwhile", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SavedMeanwhileTagHelper(IStringLocalizer<UiText> text) : TagHelper
{
    /// <summary>The field's input name.</summary>
    public string Name { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (SavedMeanwhile.In(ViewContext.ViewData)?.For(Name) is not { } field)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "saved-meanwhile form-text");
        output.Attributes.SetAttribute("id", "saved-meanwhile-" + TagBuilder.CreateSanitizedId(Name, "_"));
        var label = new TagBuilder("span");
        label.AddCssClass("fw-semibold");
        label.InnerHtml.Append(text["Edit.SavedMeanwhile"].Value + " ");
        var value = new TagBuilder("span");
        value.AddCssClass("saved-meanwhile-value");
        value.InnerHtml.Append(field.Theirs.Length > 0 ? field.Theirs : text["Edit.SavedMeanwhileEmpty"].Value);
        output.Content.AppendHtml(label).AppendHtml(value);
    }
}
