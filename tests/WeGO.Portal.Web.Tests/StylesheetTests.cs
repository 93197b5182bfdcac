using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The stylesheets are appended to by every feature; a block left open silently moves every later rule
/// into it (it once put the dashboard's chart styles inside a print-only block).</summary>
public sealed class StylesheetTests
{
    [Theory]
    [InlineData("site.css")]
    [InlineData("print.css")]
    public void Every_block_of_the_stylesheet_is_closed_and_top_level_rules_stay_top_level(string file)
    {
        var css = File.ReadAllText(RepositoryFiles.PathOf("src", "WeGO.Portal.Web", "wwwroot", "css", file));
        var depth = 0;
        var line = 0;
        foreach (var text in css.Split('\n'))
        {
            line++;
            var startsRule =
                text.Length > 0 && !char.IsWhiteSpace(text[0]) && text[0] is not '}' and not '/' and not '*';
            Assert.False(
                startsRule && depth > 0,
                $"{file}:{line} starts a top-level rule inside an open block: {text}"
            );
            depth += text.Count(c => c == '{') - text.Count(c => c == '}');
            Assert.True(depth >= 0, $"{file}:{line} closes a block that was never opened");
        }

        Assert.Equal(0, depth);
    }
}
