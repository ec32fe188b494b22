/** @odoo-module **/
import {
    ProgressBarField,
    progressBarField,
} from "@web/views/fields/progress_bar/progress_bar_field";
import {registry} from "@web/core/registry";
import {useEffect} from "@odoo/owl";

/**
 * The progress bar of an SKP generation job. While the job is queued or running,
 * the record is read again every few seconds, so the counters, the state and the
 * SKP created appear without reloading the page (unless the user is editing).
 */
export class SkpGenerateProgressField extends ProgressBarField {
    static refreshDelay = 3000;

    setup() {
        super.setup();
        useEffect(
            (running) => {
                if (!running) {
                    return;
                }
                const timer = setInterval(() => {
                    const record = this.props.record;
                    if (!record.dirty) {
                        record.load();
                    }
                }, SkpGenerateProgressField.refreshDelay);
                return () => clearInterval(timer);
            },
            () => [["antri", "berjalan"].includes(this.props.record.data.state)]
        );
    }
}

export const skpGenerateProgressField = {
    ...progressBarField,
    component: SkpGenerateProgressField,
};

registry.category("fields").add("skp_generate_progress", skpGenerateProgressField);
