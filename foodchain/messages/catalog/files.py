"""Messages about the files and documents a user hands foodchain: existence, size, encoding, JSON/YAML."""

MESSAGES = {
    "file.not_found": {"en": "'{path}' does not exist", "id": "'{path}' tidak ditemukan"},
    "file.is_folder": {"en": "'{path}' is a folder, not a file", "id": "'{path}' adalah folder, bukan berkas"},
    "file.cannot_open": {"en": "'{path}' cannot be opened: {detail}", "id": "'{path}' tidak dapat dibuka: {detail}"},
    "file.folder_give_file": {
        "en": "'{path}' is a folder, not a file; give a file",
        "id": "'{path}' adalah folder, bukan berkas; berikan sebuah berkas",
    },
    "file.not_regular": {
        "en": "'{path}' is not a regular file (a device or a pipe); give a file",
        "id": "'{path}' bukan berkas biasa (perangkat atau pipa); berikan sebuah berkas",
    },
    "file.too_big": {
        "en": "'{path}' is {size} MB; the limit is {limit} MB",
        "id": "ukuran '{path}' {size} MB; batasnya {limit} MB",
    },
    "file.grew": {
        "en": "'{path}' is larger than the limit of {limit} MB",
        "id": "'{path}' lebih besar dari batas {limit} MB",
    },
    "file.not_utf8": {
        "en": "'{name}' is not UTF-8 text (byte {byte} is not UTF-8); save it as UTF-8",
        "id": "'{name}' bukan teks UTF-8 (bita ke-{byte} tidak sah dalam UTF-8); simpan sebagai UTF-8",
    },
    "file.too_deep": {
        "en": "'{name}' is nested {depth} levels deep; the limit is {limit}",
        "id": "'{name}' bersarang {depth} tingkat; batasnya {limit}",
    },
    "file.too_deep_yaml": {
        "en": "'{name}' is nested too deeply; the limit is {limit} levels",
        "id": "'{name}' bersarang terlalu dalam; batasnya {limit} tingkat",
    },
    "file.bad_json": {"en": "'{name}' is not valid JSON: {detail}", "id": "'{name}' bukan JSON yang sah: {detail}"},
    "file.json_at": {
        "en": "{problem}: line {line} column {column} (char {pos})",
        "id": "{problem}: baris {line} kolom {column} (karakter {pos})",
    },
    "file.json_not_finite": {"en": "{value} is not a finite number", "id": "{value} bukan angka terhingga"},
    "file.json.expecting_value": {"en": "Expecting value", "id": "seharusnya ada nilai"},
    "file.json.expecting_name": {
        "en": "Expecting property name enclosed in double quotes",
        "id": "seharusnya ada nama kunci dalam tanda kutip ganda",
    },
    "file.json.expecting_colon": {"en": "Expecting ':' delimiter", "id": "seharusnya ada pemisah ':'"},
    "file.json.expecting_comma": {"en": "Expecting ',' delimiter", "id": "seharusnya ada pemisah ','"},
    "file.json.extra_data": {"en": "Extra data", "id": "ada data berlebih"},
    "file.json.unterminated_string": {
        "en": "Unterminated string starting at",
        "id": "teks tanpa tanda kutip penutup, mulai di",
    },
    "file.json.control_character": {"en": "Invalid control character at", "id": "karakter kendali tidak sah di"},
    "file.json.bad_escape": {"en": "Invalid \\escape", "id": "escape \\ tidak sah"},
    "file.json.trailing_comma": {
        "en": "Illegal trailing comma before end of object",
        "id": "koma berlebih sebelum akhir objek",
    },
    "file.bad_yaml_at": {
        "en": "'{name}' is not valid YAML: line {line}, column {column}: {problem}",
        "id": "'{name}' bukan YAML yang sah: baris {line}, kolom {column}: {problem}",
    },
    "file.yaml.mapping_here": {
        "en": "mapping values are not allowed here",
        "id": "pasangan kunci: nilai tidak diizinkan di sini",
    },
    "file.yaml.tab": {
        "en": "found character '\\t' that cannot start any token",
        "id": "ada karakter tab yang tidak boleh dipakai di sini (gunakan spasi)",
    },
    "file.yaml.either": {"en": "{first} or {second}", "id": "{first} atau {second}"},
    "file.yaml.end_of_stream": {"en": "found unexpected end of stream", "id": "teks berakhir sebelum waktunya"},
    "file.yaml.expected": {
        "en": "expected {expected}, but found {found}",
        "id": "seharusnya {expected}, tetapi ditemukan {found}",
    },
    "file.bad_yaml": {"en": "'{name}' is not valid YAML: {detail}", "id": "'{name}' bukan YAML yang sah: {detail}"},
    "file.yaml_alias": {
        "en": "'{name}' is not valid YAML: line {line}: YAML aliases (*name) are not allowed",
        "id": "'{name}' bukan YAML yang sah: baris {line}: alias YAML (*nama) tidak diizinkan",
    },
    "file.not_finite": {
        "en": "'{name}' holds a number that is not finite (NaN or infinity) at {places}",
        "id": "'{name}' berisi angka tak terhingga atau bukan angka (NaN/infinity) di {places}",
    },
    "file.and_more": {"en": "{places} and {count} more", "id": "{places} dan {count} lainnya"},
    "file.whole_document": {"en": "the document", "id": "dokumen"},
    "file.upload_too_big": {
        "en": "the file is {size} MB; the limit is {limit} MB",
        "id": "ukuran berkas {size} MB; batasnya {limit} MB",
    },
    "file.no_tables": {"en": "'{filename}' holds none of the tables", "id": "'{filename}' tidak berisi satu pun tabel"},
    # boundary files (foodchain.geo, foodchain.boundaries)
    "file.boundary_not_geojson": {
        "en": "the boundary file is not GeoJSON: {detail}",
        "id": "berkas batas wilayah bukan GeoJSON: {detail}",
    },
    "file.boundary_no_polygons": {
        "en": "the boundary file has no Polygon or MultiPolygon features",
        "id": "berkas batas wilayah tidak berisi fitur Polygon atau MultiPolygon",
    },
    "file.boundary_too_big": {
        "en": "{name} is larger than {limit} MB",
        "id": "{name} lebih besar dari {limit} MB",
    },
    # --out folders and files (foodchain.outdir)
    "file.out_is_file": {
        "en": "'{out}' is a file; --out needs a folder",
        "id": "'{out}' adalah berkas; --out memerlukan folder",
    },
    "file.out_under_file": {
        "en": "'{out}' lies under '{ancestor}', which is a file",
        "id": "'{out}' berada di bawah '{ancestor}', yang merupakan berkas",
    },
    "file.out_foreign": {
        "en": "'{out}' holds files foodchain did not write; give a new or empty folder (nothing is overwritten)",
        "id": "'{out}' berisi berkas yang bukan ditulis foodchain; berikan folder baru atau kosong"
        " (tidak ada yang ditimpa)",
    },
    "file.out_not_writable": {
        "en": "cannot write in '{ancestor}' ({detail})",
        "id": "tidak dapat menulis di '{ancestor}' ({detail})",
    },
    "file.out_is_folder": {
        "en": "'{out}' is a folder; --out needs a file name here",
        "id": "'{out}' adalah folder; --out di sini memerlukan nama berkas",
    },
}
