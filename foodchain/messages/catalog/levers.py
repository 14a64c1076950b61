"""Mitigation levers (:mod:`foodchain.analysis.levers`): their names in words and the problems of a lever file."""

MESSAGES = {
    # a lever's name: what the city would do, with names instead of ids
    "levers.name.reopen": {"en": "Reopen {target}", "id": "Buka kembali {target}"},
    "levers.name.add_route_capacity": {
        "en": "Add capacity on route {target}",
        "id": "Tambah kapasitas rute {target}",
    },
    "levers.name.add_node_throughput": {
        "en": "Add throughput at {target}",
        "id": "Tambah kapasitas bongkar di {target}",
    },
    "levers.name.release_stock": {
        "en": "Release {commodity} stock at {target}",
        "id": "Lepas stok {commodity} di {target}",
    },
    "levers.name.temporary_route": {"en": "Temporary route {target}", "id": "Rute sementara {target}"},
    # problems of a lever file
    "levers.file_shape": {
        "en": 'a lever file must be {{"levers": [...]}} or a list',
        "id": 'berkas langkah harus berbentuk {{"levers": [...]}} atau daftar',
    },
    "levers.unknown_type": {
        "en": "unknown lever type {type}{hint}; one of {types}",
        "id": "jenis langkah {type} tidak dikenal{hint}; pilih salah satu dari {types}",
    },
    "levers.unknown_key": {
        "en": "'{key}' is not a key of a {type} lever{hint}",
        "id": "'{key}' bukan kunci langkah {type}{hint}",
    },
    "levers.needs_key": {"en": "a {type} lever needs '{key}'", "id": "langkah {type} memerlukan '{key}'"},
    "levers.reopen_needs_target": {
        "en": "a reopen lever needs routes, corridor or corridors",
        "id": "langkah reopen memerlukan routes, corridor atau corridors",
    },
    "levers.not_number_above": {
        "en": "{key} must be a number > 0, not {value}",
        "id": "{key} harus berupa angka > 0, bukan {value}",
    },
    "levers.not_number_at_least": {
        "en": "{key} must be a number >= 0, not {value}",
        "id": "{key} harus berupa angka >= 0, bukan {value}",
    },
    "levers.not_list": {"en": "{key} must be a list of names", "id": "{key} harus berupa daftar nama"},
    "levers.not_in_dataset": {
        "en": "'{value}' is not a {noun} in the dataset{hint}",
        "id": "'{value}' bukan {noun} dalam dataset{hint}",
    },
    "levers.unlimited": {
        "en": "{key} '{value}' has no {column} (unlimited): adding to it changes nothing",
        "id": "{key} '{value}' tidak punya {column} (tak terbatas): menambahnya tidak mengubah apa pun",
    },
    "levers.route_exists": {
        "en": "route_id '{value}' already exists",
        "id": "route_id '{value}' sudah ada",
    },
}
