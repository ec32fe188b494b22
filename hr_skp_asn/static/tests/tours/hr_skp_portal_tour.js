/** @odoo-module **/

import {registry} from "@web/core/registry";

/* The employee portal on a phone (the test sets a 360 px wide browser). */

function noSidewaysScroll() {
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) {
        throw new Error(`The page scrolls sideways: ${width}px > ${window.innerWidth}px`);
    }
}

function openSkp(year) {
    return [
        {
            content: "Open my SKP from the list",
            trigger: `.o_skp_card:contains('${year}')`,
            run: "click",
        },
    ];
}

/* The PPPK Paruh Waktu signs their draft SKP. */
registry.category("web_tour.tours").add("hr_skp_portal_sign_tour", {
    url: "/my/skp",
    steps: () => [
        {trigger: ".o_skp_list", run: noSidewaysScroll},
        ...openSkp(2026),
        {
            content: "The plan is there: RHK, the leader's RHK it intervenes, the indikator",
            trigger: ".o_skp_rhk .o_skp_rhk_atasan",
            run: noSidewaysScroll,
        },
        {
            content: "Confirm having read the SKP",
            trigger: "input#skp_confirm",
            run: "click",
        },
        {
            content: "Sign and submit it",
            trigger: ".o_skp_ajukan button[type=submit]",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_skp_state:contains('Diajukan')",
        },
    ],
});

/* January: realisasi with a bukti dukung (a PDF), then Ajukan. */
registry.category("web_tour.tours").add("hr_skp_portal_realisasi_tour", {
    url: "/my/skp",
    steps: () => [
        ...openSkp(2026),
        {
            content: "Open January's evaluation",
            trigger: ".o_skp_evaluasi_card:contains('Januari')",
            run: "click",
        },
        {
            content: "Type the realisasi",
            trigger: ".o_skp_realisasi input[name^='value_']",
            run: "edit 18",
        },
        {
            content: "Describe it",
            trigger: ".o_skp_realisasi textarea[name^='text_']",
            run: "edit 18 permintaan layanan diselesaikan",
        },
        {
            content: "Attach the bukti dukung (a PDF)",
            trigger: ".o_skp_realisasi input[type=file]",
            run() {
                const pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([pdf], "laporan_januari.pdf", {type: "application/pdf"})
                );
                this.anchor.files = transfer.files;
            },
        },
        {trigger: ".o_skp_realisasi_form", run: noSidewaysScroll},
        {
            content: "Save and submit (Ajukan)",
            trigger: "button.o_skp_evaluasi_ajukan",
            run: "click",
        },
        {
            content: "Submitted, with the bukti dukung kept",
            trigger: ".o_skp_state:contains('Diajukan')",
        },
        {trigger: ".o_skp_bukti:contains('laporan_januari.pdf')"},
    ],
});

/* Later: the penilai's feedback and the predikat. */
registry.category("web_tour.tours").add("hr_skp_portal_hasil_tour", {
    url: "/my/skp",
    steps: () => [
        ...openSkp(2026),
        {
            content: "January is ditetapkan",
            trigger: ".o_skp_evaluasi_card:contains('Januari'):contains('Ditetapkan')",
            run: "click",
        },
        {
            content: "The predikat",
            trigger: ".o_skp_hasil .o_skp_predikat:contains('Baik')",
        },
        {
            content: "The umpan balik on the indikator",
            trigger: ".o_skp_umpan_balik_line:contains('Sertakan foto kegiatan')",
        },
        {
            content: "The umpan balik on a BerAKHLAK value",
            trigger: ".o_skp_umpan_balik_perilaku:contains('Ramah melayani')",
        },
        {
            content: "The keberatan form is offered within the window",
            trigger: ".o_skp_keberatan textarea[name=alasan]",
            run: noSidewaysScroll,
        },
    ],
});
