// Autosave for the report editor (Pages/Reports/Edit): every 20 seconds, when something changed, the form is
// posted to the page's Autosave handler with its antiforgery token; the answer carries the report's new version,
// which the next save (automatic or the Save button) is made against. Autosave never overwrites someone else's
// save: after a 409 it stops for good on this page, and a page shown after such a conflict (data-saved-meanwhile,
// their values beside the user's) starts with it off, so only a deliberate Save replaces their version.
// Without this script the Save button still works as an ordinary form.
(function () {
    "use strict";
    var form = document.getElementById("report-form");
    var status = document.getElementById("autosave-status");
    var version = document.getElementById("report-version");
    if (!form || !status || !version || !window.fetch || !window.FormData) {
        return;
    }

    var interval = 20000;
    var dirty = false;
    var saving = false;
    var conflicted = form.getAttribute("data-saved-meanwhile") === "true";
    var leaving = false;

    function show(text, state) {
        status.textContent = text;
        status.setAttribute("data-state", state);
    }

    function changed() {
        dirty = true;
        if (!conflicted) {
            show(status.getAttribute("data-unsaved"), "unsaved");
        }
    }

    form.addEventListener("input", changed);
    form.addEventListener("submit", function () {
        leaving = true;
    });

    window.addEventListener("beforeunload", function (event) {
        if (dirty && !leaving) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    function save() {
        if (!dirty || saving || conflicted) {
            return;
        }

        saving = true;
        dirty = false;
        fetch(form.getAttribute("data-autosave-url"), {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (response.ok) {
                    version.value = body.version;
                    if (dirty) {
                        show(status.getAttribute("data-unsaved"), "unsaved");
                    } else {
                        show(status.getAttribute("data-saved").replace("{0}", body.savedAt), "saved");
                    }
                } else if (response.status === 409) {
                    // Someone else saved the report: keep the text here and stop, so nothing is overwritten unseen.
                    conflicted = true;
                    dirty = true;
                    show(body.message || status.getAttribute("data-failed"), "conflict");
                } else {
                    dirty = true;
                    show(body.message || status.getAttribute("data-failed"), "failed");
                }
            });
        }).catch(function () {
            dirty = true;
            show(status.getAttribute("data-failed"), "failed");
        }).then(function () {
            saving = false;
        });
    }

    window.setInterval(save, interval);
})();
