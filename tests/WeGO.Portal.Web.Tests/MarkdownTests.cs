using AngleSharp.Html.Parser;

namespace WeGO.Portal.Web.Tests;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void Hostile_markdown_renders_without_anything_that_runs(string source)
    {
        var html = Markdown.ToSafeHtml(source).ToString()!;
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, img, iframe, object"));
        var attributes = document.All.SelectMany(element => element.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a =>
            a.Name == "href" && !a.Value.StartsWith("http", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_shape()
    {
        var html = Markdown
            .ToSafeHtml("## Outcomes\n\n- **MoU** drafted\n- see [WeGO](https://we-gov.org)")
            .ToString()!;

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>MoU</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://we-gov.org\"", html, StringComparison.Ordinal);
        Assert.Contains("noopener", html, StringComparison.Ordinal);
    }
}
