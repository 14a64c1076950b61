"""Scenarios and disruptions: the shape of a scenario, its disruptions and what they name."""

MESSAGES = {
    # the disruption types, in the reader's words (the English keeps the word written in the file)
    "scenario.type.close_route": {"en": "close_route", "id": "penutupan rute (close_route)"},
    "scenario.type.close_corridor": {"en": "close_corridor", "id": "penutupan koridor (close_corridor)"},
    "scenario.type.close_node": {"en": "close_node", "id": "penutupan tempat (close_node)"},
    "scenario.type.route_capacity": {"en": "route_capacity", "id": "kapasitas rute (route_capacity)"},
    "scenario.type.node_capacity": {"en": "node_capacity", "id": "kapasitas tempat (node_capacity)"},
    "scenario.type.supply_shock": {"en": "supply_shock", "id": "guncangan pasokan (supply_shock)"},
    "scenario.type.demand_surge": {"en": "demand_surge", "id": "lonjakan permintaan (demand_surge)"},
    "scenario.type.flood": {"en": "flood", "id": "banjir (flood)"},
    # what a name should be
    "scenario.noun.route_id": {"en": "route_id", "id": "route_id (kode rute)"},
    "scenario.noun.corridor": {"en": "corridor", "id": "koridor"},
    "scenario.noun.node_id": {"en": "node_id", "id": "node_id (kode tempat)"},
    "scenario.noun.region": {"en": "region", "id": "wilayah"},
    "scenario.noun.commodity": {"en": "commodity", "id": "komoditas"},
    "scenario.noun.route": {"en": "route", "id": "rute"},
    "scenario.noun.node": {"en": "node", "id": "tempat"},
    # the scenario document
    "scenario.not_object": {
        "en": "a scenario must be an object with name, horizon_days, disruptions",
        "id": "skenario harus berupa objek dengan name, horizon_days, disruptions",
    },
    "scenario.unknown_key": {"en": "unknown key '{key}'{hint}", "id": "kunci '{key}' tidak dikenal{hint}"},
    "scenario.bad_horizon": {
        "en": "horizon_days must be a whole number from 1 to {max_days} (a year), not {value}",
        "id": "horizon_days harus bilangan bulat dari 1 sampai {max_days} (satu tahun), bukan {value}",
    },
    "scenario.bad_equity": {
        "en": "equity must be 'on' or 'off', not {value}",
        "id": "equity harus 'on' atau 'off', bukan {value}",
    },
    "scenario.bad_start_date": {
        "en": "start_date must be a date written YYYY-MM-DD, not {value}",
        "id": "start_date harus tanggal yang ditulis YYYY-MM-DD, bukan {value}",
    },
    "scenario.disruptions_not_list": {
        "en": "disruptions must be a list",
        "id": "disruptions harus berupa daftar",
    },
    # one disruption
    "scenario.disruption_not_object": {
        "en": "{where} must be an object with a 'type'",
        "id": "{where} harus berupa objek dengan 'type'",
    },
    "scenario.unknown_type": {
        "en": "unknown disruption type '{type}'{hint}",
        "id": "jenis gangguan '{type}' tidak dikenal{hint}",
    },
    "scenario.not_a_key": {
        "en": "'{key}' is not a key of a {type} disruption{hint}",
        "id": "'{key}' bukan kunci gangguan {type}{hint}",
    },
    "scenario.needs_key": {"en": "a {type} disruption needs '{key}'", "id": "gangguan {type} memerlukan '{key}'"},
    "scenario.needs_target": {
        "en": "a {type} disruption needs one of {keys}",
        "id": "gangguan {type} memerlukan salah satu dari {keys}",
    },
    "scenario.bad_factor": {
        "en": "factor must be a number >= 0 and <= {max_factor:g}, not {value}",
        "id": "factor harus angka >= 0 dan <= {max_factor:g}, bukan {value}",
    },
    "scenario.bad_day": {
        "en": "{key} must be a whole number from 1 to {max_days} (days are 1-based)",
        "id": "{key} harus bilangan bulat dari 1 sampai {max_days} (hari dihitung mulai 1)",
    },
    "scenario.end_before_start": {
        "en": "end_day {end} is before start_day {start}",
        "id": "end_day {end} lebih awal dari start_day {start}",
    },
    "scenario.not_names": {"en": "{key} must be a list of names", "id": "{key} harus berupa daftar nama"},
    "scenario.features_too_large": {
        "en": "the inline flood features are {size_mb:.1f} MB; the limit is {limit_mb:g} MB,"
        " as for a GeoJSON file (simplify the polygons first)",
        "id": "fitur banjir di dalam skenario berukuran {size_mb:.1f} MB; batasnya {limit_mb:g} MB,"
        " sama seperti berkas GeoJSON (sederhanakan poligonnya dulu)",
    },
    # what a disruption names in the dataset
    "scenario.unknown_target": {
        "en": "'{value}' is not a {noun} in the dataset{hint}",
        "id": "'{value}' bukan {noun} dalam dataset{hint}",
    },
    "scenario.unknown_zone": {
        "en": "zone '{zone}' is not a node name, node_id or region in the dataset{hint}",
        "id": "zona '{zone}' bukan nama tempat, node_id, atau wilayah dalam dataset{hint}",
    },
    "scenario.unlimited": {
        "en": "{noun} '{id}' has no capacity set (unlimited), so factor {factor:g}"
        " has nothing to scale; give it a capacity or use factor 0 to close it",
        "id": "{noun} '{id}' tidak punya kapasitas (tak terbatas), jadi factor {factor:g}"
        " tidak mengubah apa pun; beri kapasitas atau pakai factor 0 untuk menutupnya",
    },
    "scenario.matches_nothing": {
        "en": "this {type} disruption matches nothing in the dataset",
        "id": "gangguan {type} ini tidak mengenai apa pun dalam dataset",
    },
    "scenario.starts_late": {
        "en": "starts on day {day}, after the last day solved ({days}): it has no effect",
        "id": "mulai pada hari {day}, setelah hari terakhir yang dihitung ({days}): tidak berpengaruh",
    },
}
