"""Messages about floods: passability curves, flood zones, flood GeoJSON files and their features."""

MESSAGES = {
    # passability and the disruption's own keys (foodchain.optimize.flood)
    "flood.passability_pairs": {
        "en": "passability must be a list of [depth_m, factor] pairs of numbers",
        "id": "passability harus berupa daftar pasangan angka [depth_m, factor]",
    },
    "flood.passability_negative": {
        "en": "passability depths must be >= 0 m",
        "id": "kedalaman pada passability harus >= 0 m",
    },
    "flood.passability_order": {
        "en": "passability depths must increase (a depth may repeat once, to make a step)",
        "id": "kedalaman pada passability harus naik (satu kedalaman boleh diulang sekali untuk membuat undakan)",
    },
    "flood.passability_factor": {
        "en": "passability factors must lie between 0 and 1",
        "id": "faktor pada passability harus di antara 0 dan 1",
    },
    "flood.bad_depth": {
        "en": "depth_m must be a number >= 0 (metres), not {value}",
        "id": "depth_m harus angka >= 0 (meter), bukan {value}",
    },
    "flood.touches_nothing": {
        "en": "this flood touches no route and no node",
        "id": "banjir ini tidak mengenai rute maupun tempat mana pun",
    },
    "flood.listing_more": {"en": "{shown} and {count} more", "id": "{shown} dan {count} lainnya"},
    "flood.routes_unplaced": {
        "en": "{count} route(s) have no geometry and an endpoint without lat/lon, so the flood cannot be placed"
        " on them: {ids}",
        "id": "{count} rute tidak memiliki geometri dan salah satu ujungnya tanpa lat/lon, sehingga banjir tidak"
        " dapat ditempatkan pada rute tersebut: {ids}",
    },
    "flood.slows_unlimited": {
        "en": "the flood slows {count} {kind}(s) with no {column} set (unlimited): {ids}; only closures apply to"
        " them (give them a {column} to model the slowdown)",
        "id": "banjir memperlambat {count} {kind} yang {column}-nya kosong (tak terbatas): {ids}; hanya penutupan"
        " yang berlaku (isi {column} agar perlambatan dapat dimodelkan)",
    },
    "flood.kind.route": {"en": "route", "id": "rute"},
    "flood.kind.node": {"en": "node", "id": "tempat"},
    "flood.starts_late": {
        "en": "flood area(s) {names} start after the last day solved ({days}): no effect",
        "id": "area banjir {names} dimulai setelah hari terakhir yang dihitung ({days}): tidak berpengaruh",
    },
    # flood files (foodchain.optimize.flood_areas, flood_files)
    "flood.geojson_name": {
        "en": "'geojson' must be the name of a .geojson file",
        "id": "'geojson' harus berisi nama berkas .geojson",
    },
    "flood.not_from_a_file": {
        "en": "flood file '{name}' is not read: a scenario that was uploaded, stored or built in the app carries"
        " its polygons inline (upload the GeoJSON file together with the scenario)",
        "id": "berkas banjir '{name}' tidak dibaca: skenario yang diunggah, disimpan atau dibuat di aplikasi membawa"
        " poligonnya sendiri (unggah berkas GeoJSON bersama skenarionya)",
    },
    "flood.file_absent": {
        "en": "flood file '{name}' does not exist (it is looked up next to the scenario file)",
        "id": "berkas banjir '{name}' tidak ditemukan (dicari di folder yang sama dengan berkas skenario)",
    },
    "flood.not_geojson_json": {
        "en": "flood file '{name}' is not GeoJSON (not valid JSON: {detail})",
        "id": "berkas banjir '{name}' bukan GeoJSON (bukan JSON yang sah: {detail})",
    },
    "flood.file_problem": {"en": "flood file {message}", "id": "berkas banjir: {message}"},
    "flood.needs_features": {
        "en": "{label}: a FeatureCollection needs a 'features' list",
        "id": "{label}: FeatureCollection memerlukan daftar 'features'",
    },
    "flood.not_geojson": {
        "en": "{label} is not GeoJSON: expected a FeatureCollection of Polygons, found {what}",
        "id": "{label} bukan GeoJSON: seharusnya FeatureCollection berisi Polygon, ditemukan {what}",
    },
    "flood.object_of_type": {"en": "an object of type '{kind}'", "id": "objek bertipe '{kind}'"},
    "flood.no_features": {
        "en": "{label} has no features (an empty collection floods nothing)",
        "id": "{label} tidak berisi fitur (koleksi kosong tidak membanjiri apa pun)",
    },
    "flood.not_in_upload": {
        "en": "flood file '{name}' is not one of the files uploaded with the scenario or the bundled sample files"
        " ({allowed}); upload it together with the scenario",
        "id": "berkas banjir '{name}' bukan salah satu berkas yang diunggah bersama skenario atau berkas contoh"
        " bawaan ({allowed}); unggah berkas itu bersama skenarionya",
    },
    "flood.none": {"en": "none", "id": "tidak ada"},
    # features
    "flood.where": {"en": "{label} feature {n}", "id": "{label} fitur {n}"},
    "flood.where_named": {"en": "{label} feature {n} ('{name}')", "id": "{label} fitur {n} ('{name}')"},
    "flood.not_feature": {"en": "{where} is not a GeoJSON Feature", "id": "{where} bukan GeoJSON Feature"},
    "flood.properties_object": {
        "en": "{where}: properties must be an object",
        "id": "{where}: properties harus berupa objek",
    },
    "flood.invalid_ring": {
        "en": "{where} has an invalid ring ({reason}); repaired with make_valid",
        "id": "{where} memiliki cincin poligon yang tidak sah ({reason}); diperbaiki dengan make_valid",
    },
    "flood.no_geometry": {"en": "{where} has no geometry", "id": "{where} tidak memiliki geometri"},
    "flood.not_polygon": {
        "en": "{where} is a {kind}; a flood area must be a Polygon or MultiPolygon (draw the flooded area, not a point"
        " or a line)",
        "id": "{where} berupa {kind}; area banjir harus Polygon atau MultiPolygon (gambar wilayah yang tergenang,"
        " bukan titik atau garis)",
    },
    "flood.unreadable_coordinates": {
        "en": "{where} has unreadable coordinates ({detail})",
        "id": "koordinat {where} tidak dapat dibaca ({detail})",
    },
    "flood.empty_geometry": {"en": "{where} has an empty geometry", "id": "geometri {where} kosong"},
    "flood.coordinates_not_numbers": {
        "en": "{where} has coordinates that are not numbers",
        "id": "{where} memiliki koordinat yang bukan angka",
    },
    "flood.coordinates_swapped": {
        "en": "{where} coordinates look like (lat, lon); GeoJSON puts longitude first (Jakarta is near"
        " [106.8, -6.2], not [-6.2, 106.8]): swap them",
        "id": "koordinat {where} tampak seperti (lat, lon); GeoJSON menaruh bujur lebih dulu (Jakarta berada di"
        " sekitar [106.8, -6.2], bukan [-6.2, 106.8]): tukar urutannya",
    },
    "flood.coordinates_range": {
        "en": "{where} has coordinates outside longitude/latitude range; is it in metres (e.g. UTM)?"
        " Save it as WGS84 (EPSG:4326)",
        "id": "{where} memiliki koordinat di luar rentang bujur/lintang; apakah dalam meter (mis. UTM)?"
        " Simpan sebagai WGS84 (EPSG:4326)",
    },
    "flood.feature_bad_depth": {
        "en": "{where}: depth_m must be a number >= 0 (metres), not {value}",
        "id": "{where}: depth_m harus angka >= 0 (meter), bukan {value}",
    },
    "flood.depth_centimetres": {
        "en": "{where}: depth_m {depth} is more than {limit} m; is it in centimetres?",
        "id": "{where}: depth_m {depth} lebih dari {limit} m; apakah ditulis dalam sentimeter?",
    },
    "flood.feature_bad_day": {
        "en": "{where}: {key} must be a whole number >= 1 (days are 1-based), not {value}",
        "id": "{where}: {key} harus bilangan bulat >= 1 (hari dihitung mulai 1), bukan {value}",
    },
    "flood.end_before_start": {
        "en": "{where}: end_day {end} is before start_day {start}",
        "id": "{where}: end_day {end} lebih awal dari start_day {start}",
    },
}
