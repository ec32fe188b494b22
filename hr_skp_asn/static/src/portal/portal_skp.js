/** @odoo-module **/

/* Employee portal (/my/skp): a form is sent once. A second tap while the page is
 * loading is ignored (the server also ignores a repeated submit), so nothing typed
 * is lost and nothing is filed twice. */
document.addEventListener(
    "submit",
    (ev) => {
        const form = ev.target;
        if (!form.classList || !form.classList.contains("o_skp_portal_form")) {
            return;
        }
        if (form.dataset.skpSubmitted) {
            ev.preventDefault();
            return;
        }
        form.dataset.skpSubmitted = "1";
        for (const button of form.querySelectorAll("button[type=submit]")) {
            button.classList.add("disabled");
            button.setAttribute("aria-disabled", "true");
        }
    },
    true
);

// Back from the next page (browser cache): the form can be sent again.
window.addEventListener("pageshow", () => {
    for (const form of document.querySelectorAll("form.o_skp_portal_form")) {
        delete form.dataset.skpSubmitted;
        for (const button of form.querySelectorAll("button[type=submit]")) {
            button.classList.remove("disabled");
            button.removeAttribute("aria-disabled");
        }
    }
});
