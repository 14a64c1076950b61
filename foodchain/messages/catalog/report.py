"""Texts of the reports people download (issue 16: reports in the reader's language)."""

MESSAGES = {
    "report.people_definition": {
        "en": "people living in zones where at least {percent}% of the demand for one commodity goes unmet on a day",
        "id": "penduduk zona yang pada suatu hari kekurangan sedikitnya {percent}% permintaan satu komoditas",
    },
    # solve --out without population (issue 14 item 3)
    "report.people_no_population": {
        "en": "{definition}; this dataset gives no population for its zones, so no people are counted",
        "id": "{definition}; dataset ini tidak memuat jumlah penduduk zonanya, jadi tidak ada penduduk yang dihitung",
    },
    "report.date": {"en": "Date", "id": "Tanggal"},
    "report.yes": {"en": "yes", "id": "ya"},
    "report.no": {"en": "no", "id": "tidak"},
    "report.all_commodities": {"en": "all commodities", "id": "semua komoditas"},
    "report.bad_suffix": {
        "en": "'{path}' must end in .xlsx (a workbook) or .zip (CSV files)",
        "id": "'{path}' harus berakhiran .xlsx (buku kerja) atau .zip (berkas CSV)",
    },
}
