"""Dataset messages: reading files, limits, cells, columns, references and network checks.

Table, column and file names, ids and the user's own cell text stay as written in both languages.
"""

MESSAGES = {
    # hints and words used inside other messages
    "dataset.hint": {"en": " (did you mean '{choice}'?)", "id": " (mungkin maksudnya '{choice}'?)"},
    "dataset.word.tab": {"en": "a tab", "id": "tab"},
    "dataset.word.no_columns": {"en": "no columns", "id": "tidak ada kolom"},
    # the units of foodchain.model.schema, as a person reads them
    "dataset.unit.Rp/t": {"en": "Rp/t", "id": "Rp/t"},
    "dataset.unit.days": {"en": "days", "id": "hari"},
    "dataset.unit.deg": {"en": "deg", "id": "derajat"},
    "dataset.unit.km": {"en": "km", "id": "km"},
    "dataset.unit.people": {"en": "people", "id": "jiwa"},
    "dataset.unit.t": {"en": "t", "id": "t"},
    "dataset.unit.t/day": {"en": "t/day", "id": "t/hari"},
    "dataset.with_unit": {"en": " ({unit})", "id": " ({unit})"},
    # reading files
    "dataset.not_found": {"en": "'{name}' does not exist", "id": "'{name}' tidak ditemukan"},
    "dataset.not_a_table": {
        "en": "'{filename}' is not one of the tables ({known})",
        "id": "'{filename}' bukan salah satu tabel ({known})",
    },
    "dataset.not_a_file_type": {
        "en": "'{filename}' is not a CSV, ZIP or XLSX file",
        "id": "'{filename}' bukan berkas CSV, ZIP atau XLSX",
    },
    "dataset.not_utf8": {
        "en": "file is not UTF-8; read it as Windows-1252",
        "id": "berkas tidak berpengodean UTF-8; dibaca sebagai Windows-1252",
    },
    "dataset.not_csv": {"en": "cannot be read as CSV: {detail}", "id": "tidak dapat dibaca sebagai CSV: {detail}"},
    "dataset.separator": {
        "en": "separated by {name} instead of ','; read it that way",
        "id": "dipisahkan dengan {name}, bukan ','; dibaca dengan pemisah tersebut",
    },
    "dataset.spaces_removed": {
        "en": "removed spaces around {count} cell(s)",
        "id": "spasi di awal/akhir {count} sel dihapus",
    },
    "dataset.zip_no_tables": {
        "en": "the ZIP holds none of the tables (nodes.csv, routes.csv, ...)",
        "id": "ZIP ini tidak berisi satu pun tabel (nodes.csv, routes.csv, ...)",
    },
    "dataset.workbook_no_sheets": {
        "en": "the workbook has none of the sheets {names}",
        "id": "buku kerja ini tidak memiliki satu pun lembar {names}",
    },
    # limits
    "dataset.too_many_columns": {
        "en": "{table} has {count} columns; the limit is {limit}",
        "id": "{table} memiliki {count} kolom; batasnya {limit}",
    },
    "dataset.too_many_rows": {
        "en": "{table} has more than {limit} rows; the limit is {limit}",
        "id": "{table} memiliki lebih dari {limit} baris; batasnya {limit}",
    },
    "dataset.too_many_cells": {
        "en": "{table} has more than {limit} cells; the limit is {limit}",
        "id": "{table} memiliki lebih dari {limit} sel; batasnya {limit}",
    },
    "dataset.sheet_too_many_rows": {
        "en": "sheet '{table}' has more than {limit} rows; the limit is {limit}",
        "id": "lembar '{table}' memiliki lebih dari {limit} baris; batasnya {limit}",
    },
    "dataset.sheet_too_many_cells": {
        "en": "sheet '{table}' has more than {limit} cells; the limit is {limit}",
        "id": "lembar '{table}' memiliki lebih dari {limit} sel; batasnya {limit}",
    },
    "dataset.sheet_too_wide": {
        "en": "sheet '{table}' has a value in column {column} (row {row}); the limit is {limit} columns",
        "id": "lembar '{table}' berisi nilai di kolom ke-{column} (baris {row}); batasnya {limit} kolom",
    },
    "dataset.row_too_long": {
        "en": "row has {count} values but the header has {header}",
        "id": "baris ini berisi {count} nilai, sedangkan baris judul hanya {header}",
    },
    "dataset.trailing_values": {
        "en": "{count} row(s) end with an empty extra value (a trailing ','); ignored",
        "id": "{count} baris diakhiri nilai tambahan yang kosong (tanda ',' di akhir baris); diabaikan",
    },
    "dataset.zip_invalid": {"en": "'{label}' is not a valid ZIP archive", "id": "'{label}' bukan arsip ZIP yang sah"},
    "dataset.zip_twice": {
        "en": "the ZIP holds {table}.csv {count} times ({names}); keep one",
        "id": "ZIP ini berisi {table}.csv sebanyak {count} kali ({names}); sisakan satu saja",
    },
    "dataset.unpacked_too_big": {
        "en": "'{label}' unpacks to more than {limit} MB (counted while unpacking {entry}); the limit is {limit} MB:"
        " split it",
        "id": "'{label}' setelah dibuka lebih dari {limit} MB (terhitung saat membuka {entry}); batasnya {limit} MB:"
        " pecah menjadi beberapa berkas",
    },
    "dataset.damaged": {
        "en": "'{label}' is damaged: {entry} cannot be unpacked ({detail})",
        "id": "'{label}' rusak: {entry} tidak dapat dibuka ({detail})",
    },
    "dataset.workbook_not_zip": {
        "en": "the workbook '{label}' cannot be read (it is not a ZIP archive)",
        "id": "buku kerja '{label}' tidak dapat dibaca (bukan arsip ZIP)",
    },
    "dataset.workbook_text_too_big": {
        "en": "the text cells of '{label}' unpack to {size} MB; the limit is {limit} MB:"
        " save the tables as CSV files in a ZIP",
        "id": "sel teks '{label}' setelah dibuka berukuran {size} MB; batasnya {limit} MB:"
        " simpan tabel-tabelnya sebagai berkas CSV di dalam ZIP",
    },
    "dataset.workbook_unreadable": {
        "en": "the workbook '{label}' cannot be read: {detail}",
        "id": "buku kerja '{label}' tidak dapat dibaca: {detail}",
    },
    "dataset.duplicate_header": {
        "en": "column '{name}' appears twice (columns {first} and {second})",
        "id": "kolom '{name}' muncul dua kali (kolom ke-{first} dan ke-{second})",
    },
    # number conventions
    "dataset.ambiguous_number": {
        "en": "ambiguous number '{raw}': {as_en} if written as 1,234.5, {as_id} if written as 1.234,5;"
        " read as {used} -- choose the number convention (--numbers en or id) to confirm",
        "id": "angka bermakna ganda '{raw}': {as_en} bila ditulis seperti 1,234.5, {as_id} bila ditulis seperti"
        " 1.234,5; dibaca sebagai {used} -- pilih format angka (--numbers en atau id) untuk memastikan",
    },
    # tables, columns and cells
    "dataset.table_absent": {
        "en": "{table}.csv is missing (a dataset needs {tables})",
        "id": "{table}.csv tidak ada (dataset memerlukan {tables})",
    },
    "dataset.column_ignored": {
        "en": "column '{column}' is not known and is ignored{hint}",
        "id": "kolom '{column}' tidak dikenal dan diabaikan{hint}",
    },
    "dataset.column_absent": {
        "en": "required column '{column}' is missing{hint}",
        "id": "kolom wajib '{column}' tidak ada{hint}",
    },
    "dataset.blank": {"en": "{column} is required but blank", "id": "{column} wajib diisi, tetapi kosong"},
    "dataset.not_number": {"en": "'{cell}' is not a number", "id": "'{cell}' bukan angka"},
    "dataset.not_whole": {"en": "'{cell}' is not a whole number", "id": "'{cell}' bukan bilangan bulat"},
    "dataset.at_least": {"en": "{cell} must be at least {minimum}", "id": "{cell} harus sekurang-kurangnya {minimum}"},
    "dataset.greater_than": {"en": "{cell} must be greater than {minimum}", "id": "{cell} harus lebih dari {minimum}"},
    "dataset.not_kind": {
        "en": "'{cell}' is not a kind; use source, hub or market{hint}",
        "id": "'{cell}' bukan jenis tempat; gunakan source, hub atau market{hint}",
    },
    "dataset.not_bool": {
        "en": "'{cell}' is not true or false",
        "id": "'{cell}' bukan nilai benar/salah (true/false, ya/tidak)",
    },
    "dataset.not_finite": {"en": "'{cell}' is not a finite number", "id": "'{cell}' bukan angka terhingga"},
    "dataset.too_large": {
        "en": "{cell} is too large: {column} must be at most {top}{unit}",
        "id": "{cell} terlalu besar: {column} paling banyak {top}{unit}",
    },
    "dataset.not_wkt": {
        "en": "'{cell}' is not WKT (expected LINESTRING (lon lat, lon lat, ...))",
        "id": "'{cell}' bukan WKT (seharusnya LINESTRING (lon lat, lon lat, ...))",
    },
    "dataset.not_linestring": {
        "en": "geometry is a {kind}; expected a LINESTRING",
        "id": "geometrinya berupa {kind}; seharusnya LINESTRING",
    },
    "dataset.duplicate": {"en": "{label} is a duplicate of row {row}", "id": "{label} sama dengan baris {row} (ganda)"},
    "dataset.not_reference": {
        "en": "'{cell}' is not a {noun} in {table}.csv{hint}",
        "id": "'{cell}' tidak terdapat sebagai {noun} di {table}.csv{hint}",
    },
    "dataset.no_rows": {"en": "{table}.csv has no rows", "id": "{table}.csv tidak berisi baris data"},
    "dataset.lat_lon_swapped": {
        "en": "lat {lat} is outside -90..90 and lon {lon} looks like a latitude: are lat and lon swapped?"
        " (Jakarta is near lat {jakarta_lat}, lon {jakarta_lon})",
        "id": "lat {lat} di luar -90..90 dan lon {lon} tampak seperti garis lintang: apakah lat dan lon tertukar?"
        " (Jakarta berada di sekitar lat {jakarta_lat}, lon {jakarta_lon})",
    },
    "dataset.lat_range": {"en": "lat {lat} is outside -90..90", "id": "lat {lat} di luar -90..90"},
    "dataset.lon_range": {"en": "lon {lon} is outside -180..180", "id": "lon {lon} di luar -180..180"},
    "dataset.lat_lon_pair": {
        "en": "give both lat and lon, or neither",
        "id": "isi lat dan lon sekaligus, atau kosongkan keduanya",
    },
    "dataset.self_loop": {
        "en": "origin and destination are the same node",
        "id": "origin dan destination menunjuk tempat yang sama",
    },
    # checks across tables
    "dataset.unsupplied": {
        "en": "'{commodity}' is demanded but nobody supplies or stocks it",
        "id": "'{commodity}' diminta, tetapi tidak ada yang memasok atau menyimpan stoknya",
    },
    "dataset.unreached": {
        "en": "no route reaches '{node}' and it holds no supply or stock: its demand cannot be met",
        "id": "tidak ada rute yang mencapai '{node}' dan tempat ini tidak punya pasokan maupun stok:"
        " permintaannya tidak dapat dipenuhi",
    },
    "dataset.stock_over_storage": {
        "en": "stock at '{node}' totals {stock} t but its storage_t is {storage} t"
        " (markets and sources hold no stock unless storage_t is set)",
        "id": "stok di '{node}' berjumlah {stock} t, padahal storage_t-nya {storage} t"
        " (pasar dan sumber tidak menyimpan stok kecuali storage_t diisi)",
    },
}
