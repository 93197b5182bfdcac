// Tell the portal the viewer's time zone, so times can be shown in it (read by ViewerTime on the server).
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf("wego.tz=" + encodeURIComponent(zone)) === -1) {
            document.cookie = "wego.tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        }
    } catch (e) {
        // Old browsers: times stay in Seoul time.
    }
})();

// A "Print" button prints the page (the agenda and minutes of a Committee meeting); the print style hides the rest.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
});
