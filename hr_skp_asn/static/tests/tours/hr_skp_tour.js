/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

/* The employee opens the SKP app from the menu, opens their draft SKP and submits it. */
registry.category("web_tour.tours").add("hr_skp_ajukan_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the SKP / Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_skp_asn.menu_skp_root']",
            run: "click",
        },
        {
            content: "Open my draft SKP",
            trigger: ".o_data_row:contains('Pelaksana') .o_data_cell",
            run: "click",
        },
        {
            content: "The BerAKHLAK values are there",
            trigger: ".o_notebook a:contains('Perilaku Kerja')",
            run: "click",
        },
        {
            trigger: ".o_field_one2many[name='perilaku_ids'] .o_data_row:contains('Kolaboratif')",
        },
        {
            content: "Submit it to the pejabat penilai",
            trigger: "button[name='action_ajukan']",
            run: "click",
        },
        {
            content: "The SKP is submitted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Diajukan')",
        },
    ],
});

/* The pejabat penilai opens "SKP to Approve" and approves the SKP. */
registry.category("web_tour.tours").add("hr_skp_setujui_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the SKP / Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_skp_asn.menu_skp_root']",
            run: "click",
        },
        {
            content: "Open the Perencanaan menu",
            trigger: ".o_menu_sections button:contains('Perencanaan')",
            run: "click",
        },
        {
            content: "SKP to approve",
            trigger: ".dropdown-item:contains('SKP to Approve')",
            run: "click",
        },
        {
            content: "Open the submitted SKP",
            trigger: ".o_data_row:contains('Pelaksana') .o_data_cell",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: "button[name='action_setujui']",
            run: "click",
        },
        {
            content: "The SKP is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Disetujui')",
        },
    ],
});
