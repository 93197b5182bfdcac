// A "Print" button prints the page (the agenda and minutes of a Committee meeting); the print style hides the rest.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
});
