"""Words and lines every part uses: severities, the problem line, the error line."""

MESSAGES = {
    "common.error": {"en": "error", "id": "galat"},
    "common.warning": {"en": "warning", "id": "peringatan"},
    "common.interrupted": {"en": "interrupted", "id": "dihentikan"},
    "common.problems_in": {
        "en": "{count} problem(s) in the {what}:",
        "id": "{count} masalah pada {what}:",
    },
    "common.and_more": {"en": "... and {count} more", "id": "... dan {count} lainnya"},
    "common.at_row": {"en": " row {row}", "id": " baris {row}"},
    "common.at_column": {"en": ", column {column}", "id": ", kolom {column}"},
    "common.what.input": {"en": "input", "id": "masukan"},
    "common.what.dataset": {"en": "dataset", "id": "dataset"},
    "common.what.scenario": {"en": "scenario", "id": "skenario"},
    "common.what.account": {"en": "account", "id": "akun"},
    "common.what.options": {"en": "options", "id": "opsi"},
    "common.what.ensemble spec": {"en": "ensemble spec", "id": "spesifikasi ensemble"},
    "common.what.flood file": {"en": "flood file", "id": "berkas banjir"},
}
