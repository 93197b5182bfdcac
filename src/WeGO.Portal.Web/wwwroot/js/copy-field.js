// Copy buttons: <button data-copy="field-id" data-copied="Copied">. The field is selected on focus too,
// so a copy by keyboard works where the clipboard API is not allowed (plain http).
(function () {
    'use strict';
    document.querySelectorAll('[data-copy]').forEach(function (button) {
        var field = document.getElementById(button.getAttribute('data-copy'));
        if (!field) {
            return;
        }

        var label = button.textContent;
        var done = function () {
            button.textContent = button.getAttribute('data-copied') || label;
            window.setTimeout(function () { button.textContent = label; }, 2000);
        };
        var fallback = function () {
            field.select();
            if (document.execCommand('copy')) {
                done();
            }
        };
        field.addEventListener('focus', function () { field.select(); });
        button.addEventListener('click', function () {
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, fallback);
            } else {
                fallback();
            }
        });
    });
}());
