"""Words of the dataset template's help (issue 16: template help in both languages)."""

MESSAGES = {
    "template.yes": {"en": "yes", "id": "ya"},
    "template.no": {"en": "no", "id": "tidak"},
    "template.required": {"en": "required", "id": "wajib"},
    "template.optional": {"en": "optional", "id": "boleh kosong"},
    "template.type.str": {"en": "text", "id": "teks"},
    "template.type.float": {"en": "number", "id": "angka"},
    "template.type.int": {"en": "whole number", "id": "bilangan bulat"},
    "template.type.kind": {"en": "source, hub or market", "id": "source, hub atau market"},
    "template.type.wkt": {"en": "WKT LINESTRING", "id": "WKT LINESTRING"},
    "template.type.bool": {"en": "true/false (yes/no, 1/0)", "id": "true/false (ya/tidak, 1/0)"},
    "template.type.ids": {"en": "ids separated by ;", "id": "id dipisah ;"},
    "template.help_sheet": {"en": "Help", "id": "Petunjuk"},
    "template.help.table": {"en": "Table", "id": "Tabel"},
    "template.help.column": {"en": "Column", "id": "Kolom"},
    "template.help.required": {"en": "Required", "id": "Wajib"},
    "template.help.type": {"en": "Type", "id": "Tipe"},
    "template.help.unit": {"en": "Unit", "id": "Satuan"},
    "template.help.default": {"en": "Default", "id": "Bawaan"},
    "template.help.meaning": {"en": "Meaning", "id": "Arti"},
}
